import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: fileURLToPath(new URL('../../build/eslint.config.js', import.meta.url)) });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering rules of ARCHITECTURE.md, enforced by lint', () => {
  it('keeps shared/ free of Node, Electron, the DOM libraries and the other layers', async () => {
    expect(await violations('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import { x } from '../electron/app/library';\nexport const a = x;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });

  it('keeps the renderer away from electron/ and Node', async () => {
    expect(await violations('renderer/x.ts', "import { openLibrary } from '../electron/app/library';\nexport const a = openLibrary;\n")).toHaveLength(1);
    expect(await violations('renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await violations('renderer/x.ts', "import { contract } from '../shared/api/contract';\nexport const a = contract;\n")).toHaveLength(0);
  });

  it("lets only electron/main and electron/preload import 'electron'", async () => {
    expect(await violations('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations('electron/transport/x.ts', "import type { IpcMain } from 'electron';\nexport type A = IpcMain;\n")).toHaveLength(1);
    expect(await violations('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
    expect(await violations('electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n")).toHaveLength(0);
  });
});

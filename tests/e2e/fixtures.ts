import { test as base, expect, type Page } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(repoRoot, 'electron', 'cli', 'collate.mjs');

export interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts `collate serve` on a free port with a fresh data folder, and waits for its URL line. */
export async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collate serve did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`collate serve exited with ${code}:\n${output}`)));
  });
  // If this worker dies before teardown, don't leave the server behind.
  process.once('exit', () => child.kill('SIGTERM'));
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), dataDir, process: child };
}

export async function stopHost(host: Host): Promise<void> {
  if (host.process.exitCode !== null || host.process.signalCode !== null) return;
  const exited = new Promise((r) => host.process.once('exit', r));
  host.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ host: Host; app: Page }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'collate-e2e-'));
    const host = await startHost(dataDir);
    await use(host);
    await stopHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(host.url);
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Selects the exact words `text` inside `container` the way a mouse drag would end up: a DOM selection. */
export async function selectText(page: Page, containerSelector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, needle]) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(needle);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const s = window.getSelection()!;
          s.removeAllRanges();
          s.addRange(range);
          return;
        }
      }
      throw new Error(`text not found: ${needle}`);
    },
    [containerSelector, text] as const,
  );
}

/** Drags the mouse across `text` inside `containerSelector`, from its first character to its last, as a person selects. */
export async function dragSelect(page: Page, containerSelector: string, text: string): Promise<void> {
  const box = await page.evaluate(
    async ([sel, needle]) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(needle);
        if (at < 0) continue;
        const textNode = node;
        (textNode.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const measure = () => {
          const first = document.createRange();
          first.setStart(textNode, at);
          first.setEnd(textNode, at + 1);
          const last = document.createRange();
          last.setStart(textNode, at + needle.length - 1);
          last.setEnd(textNode, at + needle.length);
          const a = first.getClientRects()[0];
          const b = last.getClientRects()[last.getClientRects().length - 1];
          return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
        };
        // As a person would, wait until the text stops moving: blocks around it (content-visibility)
        // and panels above it can still change height for a frame or two after the scroll.
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        let box = measure();
        for (let i = 0; i < 20; i++) {
          await frame();
          const again = measure();
          if (JSON.stringify(again) === JSON.stringify(box)) break;
          box = again;
        }
        return box;
      }
      throw new Error(`text not found: ${needle}`);
    },
    [containerSelector, text] as const,
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

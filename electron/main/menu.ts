import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Library } from '../app/library';
import { chooseAndImport } from './import';

/**
 * The standard menus, plus File › New Window (a brief beside the source it quotes, to drag quotes
 * across), File › Import… and File › Paste Article…, which the renderer handles.
 */
export function buildApplicationMenu(library: Library, actions: { newWindow: () => void }, platform: NodeJS.Platform = process.platform): Menu {
  const isMac = platform === 'darwin';
  const fileMenu: MenuItemConstructorOptions[] = [
    { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newWindow },
    { type: 'separator' },
    {
      label: 'Import…',
      accelerator: 'CmdOrCtrl+O',
      click: () => void chooseAndImport(library, isMac ? 'files-and-folders' : 'files'),
    },
    ...(isMac
      ? []
      : [{ label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void chooseAndImport(library, 'folders') }]),
    {
      label: 'Paste Article…',
      click: () => library.events.emit('menu.command', { command: 'paste-article' }),
    },
    { type: 'separator' },
    isMac ? { role: 'close' } : { role: 'quit' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: '&File', submenu: fileMenu },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', click: () => library.events.emit('menu.command', { command: 'shortcuts' }) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

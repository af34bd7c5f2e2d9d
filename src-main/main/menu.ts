// The application menu: the platform's standard menus (edit, window, ...) plus the app's
// commands with their accelerators. App commands are sent to the page as 'menu' events.

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/api.ts';

export function installMenu(send: (command: MenuCommand) => void): void {
  const item = (label: string, accelerator: string, command: MenuCommand) =>
    ({ label, accelerator, click: () => send(command) }) satisfies MenuItemConstructorOptions;
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Import…', 'CmdOrCtrl+O', 'import'),
        item('Export…', 'CmdOrCtrl+Shift+S', 'export'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('Assignment', 'Alt+1', 'view-assignment'),
        item('Programs', 'Alt+2', 'view-programs'),
        item('History', 'Alt+3', 'view-history'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Run',
      submenu: [
        item('Solve / Run', 'CmdOrCtrl+Enter', 'solve'),
        item('Cancel', 'Shift+Escape', 'cancel'),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// `inweights version`: the package version and the runtime it runs on, for bug reports.
import type { Command } from 'commander';
import { writeOut } from '../command.ts';
import { packageVersion } from '../package-info.ts';

export function registerVersion(program: Command): void {
  program
    .command('version')
    .description('print the inweights version and the Node.js runtime it runs on')
    .action(() => {
      const runtime = `node ${process.versions.node} (${process.platform} ${process.arch})`;
      writeOut(program, `inweights ${packageVersion()}\n${runtime}\n`);
    });
}

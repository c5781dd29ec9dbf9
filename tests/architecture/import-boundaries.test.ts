import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The import-boundary messages ESLint reports for `source` placed at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries (eslint.config.mjs)', () => {
  it('keeps components/ from importing app/', async () => {
    expect(
      await boundaryErrors(
        'components/shell/probe.ts',
        "import { signOutAction } from '@/app/shell-actions';\nexport const probe = signOutAction;\n",
      ),
    ).toEqual([
      "'@/app/shell-actions' import is restricted from being used by a pattern. app/ may import this, not the other way round.",
    ]);
  });

  it('keeps lib/ from importing launcher/ or app/, by alias or relative path', async () => {
    expect(
      await boundaryErrors(
        'lib/probe/probe.ts',
        "import { readLauncherSettings } from '../../launcher/settings';\nimport { switchOrgAction } from '../../app/shell-actions';\nexport const probe = [readLauncherSettings, switchOrgAction];\n",
      ),
    ).toEqual([
      "'../../launcher/settings' import is restricted from being used by a pattern. launcher/ starts processes; put what they need in lib/.",
      "'../../app/shell-actions' import is restricted from being used by a pattern. app/ may import this, not the other way round.",
    ]);
  });

  it('keeps workflow code from Node built-ins, the database and activity code, but allows activity types', async () => {
    const source = [
      "import { readFile } from 'node:fs/promises';",
      "import { db } from '../../../lib/db/client';",
      "import * as activities from '../../activities';",
      "import type * as activityTypes from '../../activities';",
      'export const probe = [readFile, db, activities];',
      'export type Probe = typeof activityTypes;',
      '',
    ].join('\n');
    expect(await boundaryErrors('temporal/workflows/interpreter/probe.ts', source)).toEqual([
      "'node:fs/promises' import is restricted from being used by a pattern. Workflow code runs in the sandbox, without Node built-ins.",
      "'../../../lib/db/client' import is restricted from being used by a pattern. Workflow code reaches the database only through activities.",
      "'../../activities' import is restricted from being used by a pattern. Workflow code names activities by type (proxyActivities), never imports their code.",
    ]);
  });

  it('lets app/ import anything below it', async () => {
    expect(
      await boundaryErrors(
        'app/probe/page.tsx',
        "import { AppShell } from '@/components/shell/app-shell';\nimport { db } from '@/lib/db/client';\nexport const probe = [AppShell, db];\n",
      ),
    ).toEqual([]);
  });
});

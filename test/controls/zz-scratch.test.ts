import { it } from 'vitest';
import { planFor } from '../helpers/generate.js';
it('print', async () => {
  const plan = await planFor({ level: 3, languages: ['go','rust','python','cpp'], artifacts: ['binaries','container-images'], projectName: 'a: b # "c" <script>`x`' });
  for (const f of plan.files) if (new RegExp(process.env.SHOW ?? 'x').test(f.path)) console.log('=== '+f.path+'\n'+f.content);
});

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPipelinePath, loadPipeline, pipelineNames } from '../../src/pipeline/loadPipeline.js';
import { packageRoot } from '../../src/util/paths.js';
import { withTempDir } from '../helpers/db.js';

const good = { name: 'shop', schedule: { cron: '0 6 * * 1' }, inputs: { files: ['exports/*.csv'], mapping: 'mapping.json' }, models: { clv: { margin: 0.4 } } };

describe('loadPipeline (read at run time, no build step)', () => {
  it('finds pipelines/weekly.json by name; paths resolve against the repo root', async () => {
    expect(pipelineNames()).toContain('weekly');
    const p = await loadPipeline('weekly');
    expect(p).toMatchObject({ name: 'weekly', source: 'pipelines/weekly.json', baseDir: packageRoot(), asOf: 'week-ending-sunday' });
  });

  it('a path into pipelines/ is the same pipeline as its name (the repo root stays the base)', async () => {
    const p = await loadPipeline(join(packageRoot(), 'pipelines', 'weekly.json'));
    expect(p).toMatchObject({ name: 'weekly', source: join('pipelines', 'weekly.json'), baseDir: packageRoot() });
  });

  it('loads a JSON file by path, resolving its paths against its own folder, with its settings', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'shop.json');
      writeFileSync(join(dir, 'mapping.json'), '{"columns": {}}');
      writeFileSync(file, JSON.stringify(good));
      const p = await loadPipeline(file);
      expect(p).toMatchObject({ name: 'shop', baseDir: dir, source: file, models: { clv: { margin: 0.4 } } });
      writeFileSync(file, '\uFEFF' + JSON.stringify({ ...good, name: 'bom' })); // a Windows editor's BOM
      expect((await loadPipeline(file)).name).toBe('bom');
    });
  });

  it('still loads a .mjs module (default export, checked the same way)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'nightly.mjs');
      writeFileSync(join(dir, 'mapping.json'), '{"columns": {}}');
      writeFileSync(file, `export default ${JSON.stringify({ ...good, name: 'nightly' })};`);
      expect(await loadPipeline(file)).toMatchObject({ name: 'nightly', baseDir: dir, models: { clv: { margin: 0.4 } } });
      writeFileSync(join(dir, 'bad.mjs'), `export default ${JSON.stringify({ ...good, locale: 'de' })};`);
      await expect(loadPipeline(join(dir, 'bad.mjs'))).rejects.toThrow(/bad\.mjs: locale: must be one of "en", "zh-CN", got "de"/);
    });
  });

  it('refuses a missing mapping or rules file before anything runs, naming the key and the path', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'shop.json');
      writeFileSync(file, JSON.stringify({ ...good, rules: 'rules/segments.json' }));
      await expect(loadPipeline(file)).rejects.toThrow(
        `${file}: inputs.mapping: no file at ${join(dir, 'mapping.json')} (relative paths resolve against ${dir}); fix the path or remove the key; ` +
          `rules: no file at ${join(dir, 'rules', 'segments.json')}`,
      );
    });
  });

  it('refuses a .ts file with the way out instead of "Unknown file extension"', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'shop.ts');
      writeFileSync(file, 'export default {};');
      await expect(loadPipeline(file)).rejects.toThrow(/shop\.ts is TypeScript, which Node does not run without a build step\. Write the pipeline as JSON \(.*shop\.json/);
    });
  });

  it('names the line and column of a JSON syntax error', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{\n  "name": "x",\n  "inputs": { "files": [], },\n}');
      await expect(loadPipeline(file)).rejects.toThrow(/broken\.json is not valid JSON at line 3, column 28: .*no trailing commas/);
    });
  });

  it('refuses a missing file, another extension, and an unknown name with the nearest one', async () => {
    await expect(loadPipeline('./nowhere/shop.json')).rejects.toThrow('pipeline file not found: ./nowhere/shop.json');
    await expect(loadPipeline('./shop.yaml')).rejects.toThrow(/a pipeline file must end in \.json, \.mjs, \.js, \.cjs/);
    await expect(loadPipeline('weekley')).rejects.toThrow(/no pipeline named "weekley" \(did you mean "weekly"\?\); pipelines: .*weekly.*pipelines\/<name>\.json/);
  });

  it('tells a name from a path by a slash or an extension', () => {
    expect(['weekly', 'shop-2'].map(isPipelinePath)).toEqual([false, false]);
    expect(['./shop', 'a/b.json', 'shop.json', 'x.mjs', 'x.ts', resolve('x')].map(isPipelinePath)).toEqual([true, true, true, true, true, true]);
  });
});

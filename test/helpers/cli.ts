import { main } from '../../src/cli/main.js';

/** Run the `crm` command line in-process and capture what it prints. */
export async function crm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

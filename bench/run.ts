/**
 * `npm run bench -- <name> [options]`: benchmarks that print figures (never timed unit tests: machines are
 * shared and noisy). Each benchmark lives in its own module and exports `main(args)`.
 */
const BENCHES: Record<string, () => Promise<{ main: (args: string[]) => Promise<void> }>> = {
  throughput: () => import("./throughput.js"),
  learning: () => import("./learning.js"),
  retrieval: () => import("./corpus-retrieval.js"),
  killtest: () => import("./corpus-killtest.js"),
  overhead: () => import("./overhead.js"),
  site: () => import("./site.js"),
};

async function runBench(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]\n`);
    return 2;
  }
  await (await load()).main(rest);
  return 0;
}

process.exitCode = await runBench(process.argv.slice(2));

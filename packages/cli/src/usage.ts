/** The CLI's usage text: every command, its arguments and what it prints. */
export const USAGE = `usage: fourports <command> [args]        (fourports <command> -h: that command's usage)

commands:
  baseline [FILE] [--targets FILE] [--compare FILE] [--history FILE] [--forecast FILE] [--rural FILE]
           [--fit-cutoff YYYY-MM-DD] [--forecast-cutoff YYYY-MM-DD] [--runs N] [--seed S] [--workers W] [OUTPUT]
                        assigned, simulated (P50 and P(met) over N replications, default 6;
                        --runs 0 skips) and capacity ceiling per 2025 target
                        (default: seeds/zhengzhou-2025.json), and the base year's calibration;
                        growth targets are measured against the base year: the nearest earlier
                        year up the extends chain, or --compare FILE; --csv: the target table
  report [FILE] --out FILE [--compare OTHER] [--format html|md|json|csv] [--flow-width linear|sqrt]
         [--targets FILE] [--history FILE] [--forecast FILE] [--rural FILE]
         [--fit-cutoff YYYY-MM-DD] [--forecast-cutoff YYYY-MM-DD] [--runs N] [--seed S] [--workers W]
                        the baseline (or FILE against OTHER) as one offline HTML page with charts
                        and a flow map (line width ∝ √tonnes by default; --flow-width: html
                        baseline only), or Markdown, JSON, or one CSV per table (--out a folder;
                        the files start with a BOM for Excel); baseline options as in baseline
  simulate [FILE] [--runs N] [--seed S] [--workers W] [--until-ci PCT] [--targets FILE] [--events DIR] [OUTPUT]
                        seeded replications of the year: per target P50 (P5–P95) and P(met),
                        bottlenecks, border crossings, on-demand lines (default 20 runs, 2 workers);
                        --events DIR streams each replication's event log as JSON Lines;
                        --csv: the per-target table
  validate FILE...      check scenario files; one error per line on stderr, exit 1 if any
  summary [FILE] [OUTPUT]
                        hubs, services and weekly capacity by port group and mode
                        (default: seeds/zhengzhou-2025.json); --csv: the weekly capacity table
  hubs [FILE] [--mode MODE] [--city CITY] [OUTPUT]
                        every hub: id, name, Chinese name, kind, city, port group, modes served;
                        any command takes a hub by id, English or Chinese name, or city
                        (a city with several hubs means its city hub: Zhengzhou, 郑州 → ZZ-CITY)
  route FROM TO [--depart YYYY-MM-DDTHH:MM] [--criteria time,cost,co2] [--scenario FILE] [OUTPUT]
                        earliest arrival, or Pareto-optimal journeys over the criteria
                        (default --depart: Monday 08:00 two weeks before the horizon ends);
                        --csv: one row per leg, numbered by journey
  reach [--origin HUB] [--week YYYY-MM-DD] [--scenario FILE] [--targets FILE] [OUTPUT]
                        the 1/2/3-day quick-freight circle, with every destination that misses
                        (default --week: the week two weeks before the horizon ends);
                        --csv: one row per destination that misses
  backtest --cutoff YYYY-MM-DD [--history FILE] [--forecast FILE] [--scenario FILE] [OUTPUT]
                        forecast and choice fit from the figures up to the cutoff, against what
                        followed; --csv: the forecast table
  rural [FILE] [--targets FILE] [--seed N] [--days N] [--radius-km R] [--new-sites N] [OUTPUT]
                        a county's (or a province roll-up's) 24 h coverage, misses, 客货邮
                        lines, van routes, siting, simulated days and counts against the
                        2024–2026 targets (default: seeds/rural/henan-province.json);
                        --csv: the roll-up against the targets
  vrp FILE.vrp [--time-limit S] [--iterations N] [--seed N] [--json] [--out FILE]
                        solve a CVRPLIB instance; prints the CVRPLIB .sol (default 10 s)

OUTPUT: --json (the result as JSON) or --csv (its main table), and --out FILE (write it there,
        atomically, instead of stdout). Dates are checked: a real date inside the scenario's year.
Relative paths are from the directory you run in (INIT_CWD under pnpm).
--debug (any command): on an internal error, print the stack trace
exit codes: 0 done, 1 invalid input files or no result, 2 bad arguments, 3 internal error`;

/** The usage lines of one command (from its line in USAGE to the next command's), or null for no such command. */
export function usageOf(name: string): string | null {
  const lines = USAGE.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `) || l === `  ${name}`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith("     ")) end++;
  const own = lines.slice(start, end).map((l) => l.slice(2));
  // The OUTPUT options are spelled out once in USAGE; a command's own usage repeats them.
  const output = own.some((l) => l.includes("[OUTPUT]")) ? ["", ...lines.filter((l) => /^(OUTPUT:| {8}atomically)/.test(l))] : [];
  return `usage: fourports ${[...own, ...output].join("\n")}`;
}


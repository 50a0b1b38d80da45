// Preloaded (node -r) into each process the whole-command bench times: at exit, writes the process's own CPU time
// (user + system, ms) and peak RSS to the file named by BENCH_CPU_FILE. Wall time is taken by the parent.
const fs = require('fs');
const out = process.env.BENCH_CPU_FILE;
if (out) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    const rss = process.resourceUsage().maxRSS * 1024;
    fs.writeFileSync(out, JSON.stringify({ cpu: (u.user + u.system) / 1000, rss }));
  });
}

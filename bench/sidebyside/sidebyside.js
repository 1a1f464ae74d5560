// ReportGen against docxtemplater on the same report. See README.md.
// Usage: node sidebyside.js [seconds per side, default 10] [warm-up seconds per side, default 15] [rounds, default 5]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn, spawnSync } = require('child_process');
const readline = require('readline');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const seconds = Number(process.argv[2] || 10);
// Each side runs this long before it is timed, so that both are measured at their steady rate: V8 optimises hot
// code within a few documents, while .NET on one core waits ten times longer than usual before compiling hot
// methods optimised (docs/performance.md, "Warm-up").
const warmup = Number(process.argv[3] ?? 15);
const repo = path.resolve(__dirname, '..', '..');
const bench = path.join(repo, 'bench', 'ReportGen.Bench', 'bin', 'Release', 'net10.0', 'ReportGen.Bench.dll');

// Each side on one core: re-run this script pinned to CPU 0 (the .NET child inherits the affinity).
if (!process.env.SIDEBYSIDE_PINNED && spawnSync('taskset', ['--version']).status === 0) {
  const pinned = spawnSync('taskset', ['-c', '0', process.execPath, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, SIDEBYSIDE_PINNED: '1' } });
  process.exit(pinned.status ?? 1);
}

if (!fs.existsSync(bench)) {
  console.error(`Build the benchmarks first: dotnet build -c Release ${path.join('bench', 'ReportGen.Bench')}`);
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'reportgen-sidebyside-'));
execFileSync('dotnet', [bench, 'content', work], { stdio: 'inherit' });
const template = fs.readFileSync(path.join(work, 'template.docx'));
const data = JSON.parse(fs.readFileSync(path.join(work, 'data.json'), 'utf8'));

function docxtemplater() {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// Same content: the non-empty paragraphs (in body and table cells) and the tables, in order. U+2060 (the invisible
// word joiner ReportGen puts between a figure and its unit so that a line never breaks inside it) is not content.
function content(docx) {
  const xml = new PizZip(docx).file('word/document.xml').asText();
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphs = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) || []) {
    const text = (p.match(/<w:t[ >][^<]*<\/w:t>|<w:br\/>|<w:br \/>/g) || [])
      .map((t) => (t.startsWith('<w:br') ? '\n' : decode(t.replace(/<[^>]+>/g, '')))).join('').replace(/\u2060/g, '');
    if (text.trim().length > 0) paragraphs.push(text);
  }
  return { paragraphs, tables: (xml.match(/<w:tbl>/g) || []).length };
}

const ours = content(fs.readFileSync(path.join(work, 'reportgen.docx')));
const output = docxtemplater();
fs.writeFileSync(path.join(work, 'docxtemplater.docx'), output);
const theirs = content(output);
const firstDifference = ours.paragraphs.findIndex((p, i) => p !== theirs.paragraphs[i]);
const same = ours.tables === theirs.tables && ours.paragraphs.length === theirs.paragraphs.length && firstDifference < 0;
console.log(`content: ReportGen ${ours.paragraphs.length} paragraphs, ${ours.tables} tables; docxtemplater ${theirs.paragraphs.length} paragraphs, ${theirs.tables} tables; same: ${same ? 'yes' : 'NO'}`);
if (!same && firstDifference >= 0) {
  console.log(`  first difference at paragraph ${firstDifference + 1}:\n  ReportGen:     ${ours.paragraphs[firstDifference]}\n  docxtemplater: ${theirs.paragraphs[firstDifference]}`);
}

// The native reportgen carries its gen-0 budget in the executable (src/ReportGen.Cli/ReportGen.Cli.csproj,
// docs/performance.md "Gen 0"); the .NET process here gets the same value through the environment.
const cli = fs.readFileSync(path.join(repo, 'src', 'ReportGen.Cli', 'ReportGen.Cli.csproj'), 'utf8');
const gen0 = /--runtimeopt:GCgen0size=(0x[0-9A-Fa-f]+)/.exec(cli);
if (!gen0) {
  console.error('ReportGen.Cli.csproj names no GCgen0size: the side-by-side would not run as the native tool does.');
  process.exit(2);
}
console.log(`ReportGen's gen-0 budget, as in the native executable: ${Number(gen0[1]) / 1048576} MB`);

// The two engines take turns on the same core, a slice each per round, so that a neighbour on the shared machine
// slows both alike rather than whichever happened to run then; the ratio is the two totals'.
const rounds = Math.max(1, Number(process.argv[4] || 5));
const slice = seconds / rounds;

function docxtemplaterFor(limit) {
  let count = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < limit) {
    docxtemplater();
    count++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const used = process.cpuUsage(cpu);
  return { documents: count, seconds: elapsed, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function main() {
  // ReportGen warms up in its own process first (the two never run at once), then docxtemplater here.
  const child = spawn('dotnet', [bench, 'throughput', String(slice), String(warmup), 'slices'],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, DOTNET_GCgen0size: gen0[1] } });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('ReportGen.Bench stopped before the measurement ended');
    return value;
  };
  if ((await next()).trim() !== 'ready') throw new Error('ReportGen.Bench did not start as expected');
  const warmStart = process.hrtime.bigint();
  for (let i = 0; i < 20 || Number(process.hrtime.bigint() - warmStart) / 1e9 < warmup; i++) docxtemplater();

  const total = { dt: { documents: 0, seconds: 0, cpuSeconds: 0 }, rg: { documents: 0, seconds: 0, cpuSeconds: 0 } };
  const add = (sum, part) => { sum.documents += part.documents; sum.seconds += part.seconds; sum.cpuSeconds += part.cpuSeconds; };
  for (let round = 1; round <= rounds; round++) {
    const dt = docxtemplaterFor(slice);
    child.stdin.write(`${slice}\n`);
    const rg = JSON.parse(await next());
    add(total.dt, dt);
    add(total.rg, rg);
    const rate = (part) => part.documents / part.seconds;
    console.log(`round ${round}: docxtemplater ${rate(dt).toFixed(1)} documents/s, ReportGen ${rate(rg).toFixed(1)}: ${(rate(rg) / rate(dt)).toFixed(2)}x`);
  }
  child.stdin.end();

  const dtRate = total.dt.documents / total.dt.seconds;
  const rgRate = total.rg.documents / total.rg.seconds;
  console.log(`docxtemplater ${require('docxtemplater/package.json').version}: ${total.dt.documents} documents in ${total.dt.seconds.toFixed(1)} s = ${dtRate.toFixed(1)} documents/s (CPU ${total.dt.cpuSeconds.toFixed(1)} s)`);
  console.log(`ReportGen: ${total.rg.documents} documents in ${total.rg.seconds.toFixed(1)} s = ${rgRate.toFixed(1)} documents/s (CPU ${total.rg.cpuSeconds.toFixed(1)} s; template rendering and tables included)`);
  console.log(`throughput ratio ReportGen / docxtemplater: ${(rgRate / dtRate).toFixed(2)}x (goal: at least 20x)`);
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

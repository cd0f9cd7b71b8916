/** Gauge fill per score: a class each, because the CSP allows no inline style attribute. */
const GAUGE_STEPS = Array.from({ length: 101 }, (_, i) => `.gauge.p-${i}{--p:${i}}`).join('');

/** The one stylesheet, served from /assets/style.css (the CSP allows no inline style). */
export const STYLE = `
:root { --bg:#f7f8fa; --fg:#1c2330; --muted:#5b6474; --card:#fff; --line:#e3e6eb; --pass:#137333; --warn:#a15c00; --fail:#c5221f; --error:#7b3fb0; --skip:#6b7280; --info:#1a56db; --accent:#1a56db; --code:#f1f3f6; --on-badge:#fff; }
@media (prefers-color-scheme: dark) { :root { --bg:#11151c; --fg:#e6e9ef; --muted:#9aa3b2; --card:#1a2029; --line:#2b3340; --pass:#5bd17c; --warn:#f0b34a; --fail:#ff6b66; --error:#c79bff; --skip:#9aa3b2; --info:#7aa7ff; --accent:#7aa7ff; --code:#232a35; --on-badge:#11151c; } }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg); font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 1rem; }
header.top { display:flex; align-items:center; justify-content:space-between; gap:1rem; padding:.5rem 0 1rem; }
header.top a.brand { font-weight:700; color:var(--fg); text-decoration:none; font-size:1.2rem; }
a { color: var(--accent); }
.card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:1rem 1.25rem; margin:0 0 1rem; }
.summary { display:flex; gap:1.5rem; align-items:center; flex-wrap:wrap; }
.gauge { width:120px; height:120px; border-radius:50%; display:grid; place-items:center; flex:none;
  background: conic-gradient(var(--c) calc(var(--p) * 1%), var(--line) 0); }
.gauge > span { width:92px; height:92px; border-radius:50%; background:var(--card); display:grid; place-items:center; font-size:1.8rem; font-weight:700; }
.gauge.pass { --c: var(--pass); } .gauge.warn { --c: var(--warn); } .gauge.fail { --c: var(--fail); }
.verdict { display:inline-block; padding:.15rem .6rem; border-radius:999px; font-weight:700; letter-spacing:.04em; color:var(--on-badge); }
.verdict.pass { background:var(--pass); } .verdict.warn { background:var(--warn); } .verdict.fail { background:var(--fail); }
h1 { font-size:1.4rem; margin:.25rem 0; word-break:break-all; }
h2 { font-size:1.15rem; margin:.25rem 0 .75rem; }
h3 { font-size:1rem; margin:0 0 .25rem; }
.muted { color:var(--muted); }
.pill { align-self:start; justify-self:start; display:inline-block; min-width:3.6rem; text-align:center; border-radius:6px; padding:0 .4rem; font-size:.8rem; font-weight:700; text-transform:uppercase; border:1px solid currentColor; }
.s-pass { color:var(--pass); } .s-warn { color:var(--warn); } .s-fail { color:var(--fail); } .s-error { color:var(--error); } .s-skip { color:var(--skip); } .s-info { color:var(--info); }
.fix { border-left:4px solid var(--fail); } .fix.warn { border-left-color:var(--warn); } .fix.error { border-left-color:var(--error); }
.checks { list-style:none; padding:0; margin:0; }
.checks li { display:grid; grid-template-columns: 4.5rem 1fr; gap:.75rem; padding:.6rem 0; border-top:1px solid var(--line); }
.checks li:first-child { border-top:none; }
code, pre { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:.88rem; }
pre { background:var(--code); padding:.6rem .8rem; border-radius:8px; overflow-x:auto; white-space:pre-wrap; word-break:break-all; }
dl.kv { display:grid; grid-template-columns: 11rem 1fr; gap:.35rem 1rem; margin:0; }
dl.kv dt { color:var(--muted); } dl.kv dd { margin:0; word-break:break-word; }
details > summary { cursor:pointer; color:var(--accent); }
ul.requirements, ul.requirement-list { list-style:none; padding:0; margin:0; } ul.requirements > li { margin:.35rem 0; } ul.requirements .missing { margin-left:1rem; font-size:.9rem; } li.requirement { padding:.35rem 0; border-top:1px solid var(--line); } li.requirement .pill { min-width:6.5rem; }
table { width:100%; border-collapse:collapse; font-size:.88rem; }
th, td { text-align:left; padding:.3rem .4rem; border-bottom:1px solid var(--line); vertical-align:top; word-break:break-all; }
form.audit { display:grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap:.75rem; align-items:end; }
label { display:grid; gap:.25rem; font-size:.9rem; color:var(--muted); }
table.receivers td { word-break: normal; overflow-wrap: anywhere; }
svg.chart { max-width: 100%; } svg.chart .grid { stroke: var(--muted); stroke-width: 0.5; opacity: 0.5; } svg.chart .score { stroke: var(--pass); stroke-width: 1.5; } svg.chart .transition { fill: var(--fail); }
table.receivers td:nth-child(1), table.receivers td:nth-child(2) { min-width: 7rem; overflow-wrap: normal; }
label.check { display:flex; gap:.5rem; align-items:flex-start; grid-column: 1 / -1; }
label.check input { margin-top:.2rem; }
textarea { font:inherit; font-family:ui-monospace, monospace; font-size:.85rem; padding:.5rem .6rem; border-radius:8px; border:1px solid var(--line); background:var(--bg); color:var(--fg); width:100%; box-sizing:border-box; }
input { font:inherit; padding:.5rem .6rem; border-radius:8px; border:1px solid var(--line); background:var(--bg); color:var(--fg); }
button { font:inherit; padding:.55rem 1rem; border-radius:8px; border:none; background:var(--accent); color:var(--on-badge); font-weight:600; cursor:pointer; }
.error-box { border-left:4px solid var(--fail); }
pre.address { font-size:1.2rem; font-weight:700; text-align:center; }
footer { color:var(--muted); font-size:.85rem; padding:1rem 0 2rem; }
@media (max-width: 600px) { dl.kv { grid-template-columns: 1fr; } .checks li { grid-template-columns: 1fr; } .gauge { width:96px; height:96px; } .gauge > span { width:72px; height:72px; font-size:1.4rem; } }
` + GAUGE_STEPS;

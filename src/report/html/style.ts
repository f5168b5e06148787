/**
 * The run report's CSS: readable on a phone (the table turns into cards under 720px), printable (no HUD, no
 * filters, code expanded, no shadows), light and dark.
 */
export const REPORT_CSS = `
:root{--bg:#f8fafc;--fg:#0f172a;--muted:#475569;--card:#fff;--line:#e2e8f0;--ok:#15803d;--bad:#b91c1c;--warn:#b45309;--accent:#2563eb;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0b1020;--fg:#e2e8f0;--muted:#94a3b8;--card:#111827;--line:#1f2937;--ok:#4ade80;--bad:#f87171;--warn:#fbbf24;--accent:#60a5fa}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1180px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.15rem;margin:1.6em 0 .5em}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{white-space:pre-wrap;word-break:break-word;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;margin:4px 0;max-height:24em;overflow:auto}
.badge{display:inline-block;font-weight:800;font-size:1.25rem;padding:.35em .8em;border-radius:999px;color:#fff;letter-spacing:.02em}
.badge.bad{background:#b91c1c}.badge.ok{background:#15803d}
.verdict{display:flex;flex-wrap:wrap;gap:.6em 1em;align-items:center;margin:.4em 0 1em}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 12px}
.card b{display:block;font-size:1.35rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
.chart{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px;overflow:hidden}
.chart svg{max-width:100%;height:auto;color:var(--fg)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:10px}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td,h1,h2,h3,p,li{overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.st{display:inline-block;padding:0 .5em;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid currentColor}
.st-solved{color:var(--ok)}.st-unsolved,.st-error{color:var(--bad)}.st-ambiguous{color:var(--warn)}
.lv-fail{color:var(--bad);font-weight:700}.lv-warn{color:var(--warn);font-weight:700}.lv-ack{color:var(--muted)}
.spark{display:block}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.filters input,.filters select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
.graph svg{width:100%;height:auto;max-height:640px}
.note{border-left:4px solid var(--warn);padding:6px 10px;background:var(--card)}
details>summary{cursor:pointer}
footer{margin:2em 0 1em;color:var(--muted);font-size:.85rem}
@media (max-width:720px){
 main{padding:10px}
 table.fns thead{display:none}
 table.fns,table.fns tbody,table.fns tr,table.fns td{display:block;width:100%}
 table.fns tr{border-bottom:2px solid var(--line);padding:6px 0}
 table.fns td{border:0;padding:2px 8px;text-align:left}
 table.fns td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
}
@media print{
 :root{--bg:#fff;--fg:#000;--card:#fff;--line:#ccc}
 .filters,.ahud{display:none!important}
 details.code>pre,details>*{display:block}
 .chart,.card,table{break-inside:avoid;box-shadow:none}
 tr{break-inside:avoid}
 a{color:inherit}
}
`;

/** The table filter (progressive enhancement: without it every row shows). ES2017, no requests. */
export const REPORT_SCRIPT = `(function(){
var q=document.getElementById("fn-filter"),s=document.getElementById("fn-status"),rows=document.querySelectorAll("table.fns tbody tr"),n=document.getElementById("fn-count");
if(!q||!s)return;
function apply(){var t=q.value.trim().toLowerCase(),st=s.value,shown=0;rows.forEach(function(r){var ok=(!t||(r.getAttribute("data-name")||"").indexOf(t)>=0)&&(!st||r.getAttribute("data-status")===st||(st==="changed"&&r.getAttribute("data-change")!=="unchanged"));r.hidden=!ok;if(ok)shown++;});if(n)n.textContent=shown+" of "+rows.length;}
q.addEventListener("input",apply);s.addEventListener("change",apply);
document.querySelector(".filters").hidden=false;
window.addEventListener("beforeprint",function(){document.querySelectorAll("details.code").forEach(function(d){d.open=true;});});
apply();})();`;

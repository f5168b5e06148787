/** The dashboard's CSS: the report's, plus navigation and progress bars. */
import { REPORT_CSS } from "../html/style.js";

export const SITE_CSS = `${REPORT_CSS}
nav.top{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;padding:10px 16px;border-bottom:1px solid var(--line);background:var(--card)}
nav.top a{color:var(--fg);text-decoration:none;font-weight:600}
nav.top a[aria-current=page]{color:var(--accent);text-decoration:underline}
nav.top .brand{font-weight:800;margin-right:8px}
a{color:var(--accent)}
.bar{display:inline-block;width:140px;max-width:40vw;height:8px;border-radius:4px;background:var(--line);overflow:hidden;vertical-align:middle}
.bar>span{display:block;height:100%}
.bar.ahud-c0>span{background:#f87171}.bar.ahud-c1>span{background:#fbbf24}.bar.ahud-c2>span{background:#2dd4bf}.bar.ahud-c3>span{background:#4ade80}
tr.hdr td{font-weight:600}
@media print{nav.top{display:none}}
`;

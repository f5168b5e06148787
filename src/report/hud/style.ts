/**
 * The HUD's CSS, scoped under `.ahud` so it neither leaks into nor depends much on the host page. Hidden in print.
 * Colors: `.ahud-c0` red (<34%), `.ahud-c1` amber (<67%), `.ahud-c2` teal (<100%), `.ahud-c3` green (100%).
 */
export const HUD_CSS = `
.ahud{position:fixed;top:12px;right:12px;z-index:2147483000;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#e5e7eb;text-align:left}
.ahud *{box-sizing:border-box}
.ahud .ahud-box{background:rgba(17,24,39,.96);border:1px solid #374151;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.35);width:360px;max-width:calc(100vw - 24px)}
.ahud .ahud-box:not([open]){width:auto;background:transparent;border:0;box-shadow:none}
.ahud summary{list-style:none;cursor:pointer}
.ahud summary::-webkit-details-marker{display:none}
.ahud .ahud-badge{display:contents}
.ahud .ahud-summary{display:flex;align-items:center;gap:10px;padding:10px 12px}
.ahud .ahud-box:not([open]) .ahud-summary{padding:0}
.ahud .ahud-box:not([open]) .ahud-head,.ahud .ahud-box:not([open]) .ahud-status{display:none}
.ahud .ahud-icon{display:inline-flex;align-items:center;justify-content:center;width:44px;height:44px;border-radius:50%;font-weight:700;font-size:14px;color:#111827;flex:none;box-shadow:0 2px 8px rgba(0,0,0,.35)}
.ahud .ahud-icon::after{content:"%";font-size:9px;font-weight:600}
.ahud .ahud-box[open] .ahud-icon{width:32px;height:32px;font-size:12px;box-shadow:none}
.ahud .ahud-head{display:flex;flex-direction:column;flex:1;min-width:0}
.ahud .ahud-label{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ahud .ahud-version{color:#9ca3af;font-weight:400}
.ahud .ahud-overall{font-size:18px;font-weight:700}
.ahud .ahud-status{font-size:11px;padding:2px 8px;border-radius:999px;background:#374151;color:#d1d5db}
.ahud .ahud-status[data-state=live]{background:#065f46;color:#d1fae5}
.ahud .ahud-status[data-state=offline]{background:#7f1d1d;color:#fee2e2}
.ahud .ahud-panel{padding:0 12px 12px;max-height:calc(100vh - 96px);overflow:auto}
.ahud .ahud-overview{display:grid;grid-template-columns:1fr auto;gap:4px 10px;align-items:center;margin-bottom:8px}
.ahud .ahud-updated{grid-column:1/-1;color:#9ca3af;font-size:11px}
.ahud .ahud-spark{color:#93c5fd}
.ahud .ahud-bar{height:8px;border-radius:4px;background:#1f2937;overflow:hidden;grid-column:1/-1}
.ahud .ahud-overview .ahud-bar{grid-column:auto;height:10px}
.ahud .ahud-bar>span{display:block;height:100%;border-radius:4px;transition:width .4s ease}
.ahud .ahud-c0>span,.ahud .ahud-icon.ahud-c0{background:#f87171}
.ahud .ahud-c1>span,.ahud .ahud-icon.ahud-c1{background:#fbbf24}
.ahud .ahud-c2>span,.ahud .ahud-icon.ahud-c2{background:#2dd4bf}
.ahud .ahud-c3>span,.ahud .ahud-icon.ahud-c3{background:#4ade80}
.ahud .ahud-phase{border-top:1px solid #374151;padding:6px 0}
.ahud .ahud-phase>summary{display:grid;grid-template-columns:1fr auto;gap:3px 8px;align-items:center}
.ahud .ahud-phase>summary::before{content:"▸";position:absolute;margin-left:-10px;color:#6b7280}
.ahud .ahud-phase[open]>summary::before{content:"▾"}
.ahud .ahud-phase{padding-left:10px}
.ahud .ahud-name{font-weight:600}
.ahud .ahud-pct{font-variant-numeric:tabular-nums;color:#d1d5db}
.ahud .ahud-tasks{list-style:none;margin:6px 0 0;padding:0}
.ahud .ahud-task{display:grid;grid-template-columns:auto 1fr auto;gap:2px 6px;align-items:center;padding:3px 0 3px calc(var(--ahud-depth,0) * 14px);border-radius:4px}
.ahud .ahud-task .ahud-bar{height:5px}
.ahud .ahud-header .ahud-title{font-weight:600}
.ahud .ahud-id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:11px;color:#93c5fd}
.ahud .ahud-title{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ahud[data-writable=yes] .ahud-task:not(.ahud-header){cursor:pointer}
.ahud[data-writable=yes] .ahud-task:not(.ahud-header):hover{background:#1f2937}
.ahud .ahud-empty{color:#9ca3af;margin:6px 0}
.ahud .ahud-form{display:grid;grid-template-columns:1fr 1fr;gap:6px;border-top:1px solid #374151;padding-top:8px;margin-top:4px}
.ahud .ahud-form[hidden]{display:none}
.ahud .ahud-form label{display:flex;flex-direction:column;font-size:11px;color:#9ca3af;gap:2px}
.ahud .ahud-form label:first-child{grid-column:1/-1}
.ahud .ahud-form input,.ahud .ahud-form select{font:inherit;color:#e5e7eb;background:#111827;border:1px solid #4b5563;border-radius:6px;padding:4px 6px;width:100%}
.ahud .ahud-form button{grid-column:1/-1;font:inherit;font-weight:600;color:#111827;background:#93c5fd;border:0;border-radius:6px;padding:6px;cursor:pointer}
.ahud .ahud-msg{grid-column:1/-1;font-size:12px;min-height:1em}
.ahud .ahud-msg[data-kind=error]{color:#fca5a5}
.ahud .ahud-msg[data-kind=ok]{color:#86efac}
@media (prefers-reduced-motion:reduce){.ahud .ahud-bar>span{transition:none}}
@media print{.ahud{display:none}}
`;

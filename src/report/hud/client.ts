/**
 * The HUD's browser script (progressive enhancement), kept as a string so the HUD stays one self-contained fragment.
 * Plain ES2017, no dependencies, no external requests. What it does, in order:
 * 1. remembers collapsed/expanded per page (localStorage);
 * 2. stops there when opened from a file, when `data-live="off"`, or when no tracker server answers `GET /api/progress`;
 * 3. otherwise replaces the static parts with the server's current ones, connects to `/api/live` (WebSocket,
 *    reconnecting with backoff) and applies every `{type:"progress", hud}` message without a reload;
 * 4. when the server accepts writes, shows the quick-action form: `PATCH /api/tasks/:id` with the API key the reader
 *    typed (kept in sessionStorage only); clicking a task row picks it.
 * It dispatches `aurora-hud:update` on the root after each update (a hook for tests and host pages).
 */
export const HUD_SCRIPT = String.raw`(function () {
  "use strict";
  function store(kind, name, value) {
    try {
      var s = kind === "local" ? window.localStorage : window.sessionStorage;
      if (value === undefined) return s.getItem(name);
      s.setItem(name, value);
    } catch (e) { /* storage can be disabled */ }
    return null;
  }
  function enhance(root) {
    root.setAttribute("data-enhanced", "1");
    var box = root.querySelector(".ahud-box");
    var badge = root.querySelector(".ahud-badge");
    var status = root.querySelector(".ahud-status");
    var body = root.querySelector(".ahud-body");
    var form = root.querySelector(".ahud-form");
    var prefix = "aurora-hud:" + root.id + ":";
    var saved = store("local", prefix + "open");
    if (saved !== null) box.open = saved === "1";
    box.addEventListener("toggle", function () { store("local", prefix + "open", box.open ? "1" : "0"); });
    if (root.getAttribute("data-live") === "off") return;
    var base = (root.getAttribute("data-api") || "").replace(/\/+$/, "");
    var where;
    try { where = new URL(base || "/", window.location.href); } catch (e) { return; }
    if (where.protocol !== "http:" && where.protocol !== "https:") return;
    var writable = false;
    function setStatus(state, text) { status.setAttribute("data-state", state); status.textContent = text; }
    function say(kind, text) { var m = form.querySelector(".ahud-msg"); m.setAttribute("data-kind", kind); m.textContent = text; }
    function apply(hud) {
      var open = {};
      body.querySelectorAll(".ahud-phase[open]").forEach(function (d) { open[d.getAttribute("data-phase")] = true; });
      badge.innerHTML = hud.badge;
      body.innerHTML = hud.body;
      body.querySelectorAll(".ahud-phase").forEach(function (d) { if (open[d.getAttribute("data-phase")]) d.open = true; });
      var select = form.elements.namedItem("task");
      var picked = select.value;
      select.innerHTML = hud.options;
      if (picked) select.value = picked;
      root.dispatchEvent(new CustomEvent("aurora-hud:update", { bubbles: true }));
    }
    var delay = 500;
    function connect() {
      var url = new URL(base + "/api/live", window.location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      var ws = new WebSocket(url.href);
      ws.onopen = function () { delay = 500; setStatus("live", writable ? "live" : "live, read-only"); };
      ws.onmessage = function (ev) {
        var msg;
        try { msg = JSON.parse(ev.data); } catch (e) { return; }
        if (msg && msg.type === "progress" && msg.hud) apply(msg.hud);
      };
      ws.onclose = function () {
        setStatus("offline", "offline");
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 15000);
      };
    }
    function field(name) { return form.elements.namedItem(name); }
    function submit(ev) {
      ev.preventDefault();
      var key = field("key").value;
      if (!key) { say("error", "enter the API key first"); return; }
      store("session", prefix + "key", key);
      var payload = { value: field("value").value.trim() };
      var reason = field("reason").value.trim();
      if (reason) payload.reason = reason;
      say("", "saving...");
      fetch(base + "/api/tasks/" + encodeURIComponent(field("task").value), {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + key },
        body: JSON.stringify(payload)
      }).then(function (r) {
        return r.json().then(function (d) { return { ok: r.ok, d: d }; }, function () { return { ok: r.ok, d: {} }; });
      }).then(function (res) {
        if (!res.ok) { say("error", res.d.error || "the update was refused"); return; }
        if (res.d.hud) apply(res.d.hud);
        say("ok", res.d.message || "saved");
        field("value").value = "";
        field("reason").value = "";
      }, function () { say("error", "the tracker server did not answer"); });
    }
    function enableWrites() {
      writable = true;
      root.setAttribute("data-writable", "yes");
      form.hidden = false;
      field("key").value = store("session", prefix + "key") || "";
      form.addEventListener("submit", submit);
      body.addEventListener("click", function (ev) {
        var row = ev.target.closest(".ahud-task");
        if (!row || row.classList.contains("ahud-header")) return;
        field("task").value = row.getAttribute("data-task");
        field("value").focus();
      });
    }
    fetch(base + "/api/progress", { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("no tracker API");
      return r.json();
    }).then(function (data) {
      if (data.hud) apply(data.hud);
      if (data.writable) enableWrites();
      connect();
    }, function () { /* no server: stay a static view */ });
  }
  document.querySelectorAll(".ahud:not([data-enhanced])").forEach(enhance);
})();`;

// eventfuse web page: a map of events on an offline basemap, a timeline that filters, and an
// event panel with every source's claims and the evidence sentences behind them.
//
// Everything that comes from the data (article text, titles, outlets, actor names, evidence
// sentences) is untrusted: it only ever reaches the page through textContent,
// createTextNode or setAttribute on inert attributes. Never innerHTML.
"use strict";

(() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const TYPE_COLOURS = {
    "Battles": "#d62728",
    "Violence against civilians": "#9467bd",
    "Explosions/Remote violence": "#ff7f0e",
    "Riots": "#8c564b",
    "Protests": "#1f77b4",
    "Strategic developments": "#2ca02c",
  };
  const OTHER_COLOUR = "#7f7f7f";
  const MAX_FEATURES = 5000; // points per request: beyond this the page asks to narrow filters
  const DAY_MS = 86400000;

  const state = {
    types: Object.keys(TYPE_COLOURS),
    features: [],
    total: 0,
    since: "",
    until: "",
    admin1s: new Set(),
    selectedId: null,
    phi0: 0, // latitude whose cosine scales longitudes (equirectangular projection)
    view: null, // SVG viewBox [x, y, w, h] in map units
    basemap: null,
    bins: [],
    requestSeq: 0,
  };

  const $ = (id) => document.getElementById(id);

  // ---- small DOM helpers (text only) ---------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  // ---- HTTP ------------------------------------------------------------------------------
  function token() {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
    if (fromHash) sessionStorage.setItem("eventfuse-token", fromHash);
    return sessionStorage.getItem("eventfuse-token");
  }

  async function getJSON(url) {
    const headers = { Accept: "application/json" };
    const t = token();
    if (t) headers.Authorization = `Bearer ${t}`;
    const response = await fetch(url, { headers });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
      throw new Error(`${response.status}: ${detail}`);
    }
    return body;
  }

  // ---- projection and map view ------------------------------------------------------------
  function project(lon, lat) {
    return [lon * Math.cos((state.phi0 * Math.PI) / 180), -lat];
  }

  function ringPath(ring, close) {
    let d = "";
    for (let i = 0; i < ring.length; i += 1) {
      const [x, y] = project(ring[i][0], ring[i][1]);
      d += `${i === 0 ? "M" : "L"}${x.toFixed(3)} ${y.toFixed(3)}`;
    }
    return close ? `${d}Z` : d;
  }

  function geometryPath(geom) {
    if (!geom) return "";
    if (geom.type === "MultiPolygon") {
      return geom.coordinates.map((poly) => poly.map((r) => ringPath(r, true)).join("")).join("");
    }
    if (geom.type === "MultiLineString") {
      return geom.coordinates.map((line) => ringPath(line, false)).join("");
    }
    return "";
  }

  function drawBasemap() {
    const b = state.basemap;
    if (!b) return;
    for (const [layer, key] of [["layer-land", "land"], ["layer-countries", "countries"], ["layer-admin1", "admin1"]]) {
      const g = $(layer);
      clear(g);
      g.appendChild(svg("path", { d: geometryPath(b[key]) }));
    }
  }

  function pixelSize() {
    // map units per screen pixel
    const rect = $("map").getBoundingClientRect();
    if (!state.view || rect.width === 0) return 1;
    return Math.max(state.view[2] / rect.width, state.view[3] / rect.height);
  }

  function setView(view) {
    const rect = $("map").getBoundingClientRect();
    const aspect = rect.height > 0 ? rect.width / rect.height : 2;
    let [x, y, w, h] = view;
    // keep the screen's aspect ratio, grow the short side around the centre
    if (w / h < aspect) {
      const nw = h * aspect;
      x -= (nw - w) / 2;
      w = nw;
    } else {
      const nh = w / aspect;
      y -= (nh - h) / 2;
      h = nh;
    }
    state.view = [x, y, w, h];
    $("map").setAttribute("viewBox", state.view.map((v) => v.toFixed(4)).join(" "));
    scheduleScale();
  }

  let scalePending = false;
  function scheduleScale() {
    if (scalePending) return;
    scalePending = true;
    requestAnimationFrame(() => {
      scalePending = false;
      rescaleMarkers();
      drawLabels();
    });
  }

  function markerRadius(fatalities) {
    return Math.min(4 + 2.2 * Math.sqrt(Math.max(0, Number(fatalities) || 0)), 30);
  }

  function rescaleMarkers() {
    const px = pixelSize();
    for (const c of $("layer-events").children) {
      c.setAttribute("r", (Number(c.dataset.px) * px).toFixed(4));
    }
  }

  function fitEvents() {
    const pts = state.features.map((f) => f.geometry.coordinates);
    if (pts.length === 0) {
      state.phi0 = state.phi0 || 0;
      setView([...project(-180, 85), ...[360 * Math.cos((state.phi0 * Math.PI) / 180), 145]]);
      return;
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of pts) {
      const [x, y] = project(lon, lat);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x);
      y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const pad = Math.max(1.5, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
    setView([x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad]);
  }

  function zoomBy(factor, cx, cy) {
    const [x, y, w, h] = state.view;
    const px = cx === undefined ? x + w / 2 : cx;
    const py = cy === undefined ? y + h / 2 : cy;
    const nw = Math.min(Math.max(w * factor, 0.05), 400);
    const f = nw / w;
    setView([px - (px - x) * f, py - (py - y) * f, w * f, h * f]);
  }

  function clientToMap(evt) {
    const rect = $("map").getBoundingClientRect();
    const [x, y, w, h] = state.view;
    return [x + ((evt.clientX - rect.left) / rect.width) * w, y + ((evt.clientY - rect.top) / rect.height) * h];
  }

  function wireMapControls() {
    const map = $("map");
    map.addEventListener("wheel", (evt) => {
      evt.preventDefault();
      const [mx, my] = clientToMap(evt);
      zoomBy(evt.deltaY > 0 ? 1.25 : 0.8, mx, my);
    }, { passive: false });
    let drag = null;
    map.addEventListener("pointerdown", (evt) => {
      if (evt.target.classList && evt.target.classList.contains("event")) return;
      drag = { x: evt.clientX, y: evt.clientY, view: state.view.slice() };
      map.classList.add("panning");
      map.setPointerCapture(evt.pointerId);
    });
    map.addEventListener("pointermove", (evt) => {
      if (!drag) return;
      const rect = map.getBoundingClientRect();
      const [x, y, w, h] = drag.view;
      const dx = ((evt.clientX - drag.x) / rect.width) * w;
      const dy = ((evt.clientY - drag.y) / rect.height) * h;
      state.view = [x - dx, y - dy, w, h];
      map.setAttribute("viewBox", state.view.join(" "));
      scheduleScale();
    });
    const stop = () => { drag = null; map.classList.remove("panning"); };
    map.addEventListener("pointerup", stop);
    map.addEventListener("pointercancel", stop);
    $("zoom-in").addEventListener("click", () => zoomBy(0.6));
    $("zoom-out").addEventListener("click", () => zoomBy(1 / 0.6));
    $("zoom-fit").addEventListener("click", fitEvents);
    window.addEventListener("resize", () => { if (state.view) setView(state.view); drawTimeline(); });
  }

  function drawLabels() {
    const g = $("layer-labels");
    clear(g);
    const b = state.basemap;
    if (!b || !state.view) return;
    const [x, y, w, h] = state.view;
    if (w > 40) return; // admin-1 names only once zoomed in to a region
    const px = pixelSize();
    let shown = 0;
    for (const [name, , lon, lat] of b.labels) {
      const [lx, ly] = project(lon, lat);
      if (lx < x || lx > x + w || ly < y || ly > y + h) continue;
      const t = svg("text", { x: lx.toFixed(3), y: ly.toFixed(3), "font-size": (11 * px).toFixed(4) });
      t.textContent = name;
      g.appendChild(t);
      shown += 1;
      if (shown >= 300) break;
    }
  }

  // ---- events on the map -----------------------------------------------------------------
  function colour(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }

  function visibleFeatures() {
    return state.features.filter((f) => {
      const d = f.properties.event_date || "";
      if (state.since && d < state.since) return false;
      if (state.until && d > state.until) return false;
      return true;
    });
  }

  function drawEvents() {
    const g = $("layer-events");
    clear(g);
    const shown = visibleFeatures().sort((a, b) => (b.properties.fatalities || 0) - (a.properties.fatalities || 0));
    const px = pixelSize();
    for (const f of shown) {
      const p = f.properties;
      const [x, y] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      const rpx = markerRadius(p.fatalities);
      const c = svg("circle", {
        cx: x.toFixed(4), cy: y.toFixed(4), r: (rpx * px).toFixed(4), fill: colour(p.event_type),
      });
      c.classList.add("event");
      if (p.id === state.selectedId) c.classList.add("selected");
      c.dataset.id = p.id;
      c.dataset.type = p.event_type;
      c.dataset.px = String(rpx);
      const title = svg("title", {});
      title.textContent = `${p.event_date} · ${p.event_type} · ${p.location || "?"} · ${p.fatalities} fatalities`;
      c.appendChild(title);
      c.addEventListener("click", (evt) => { evt.stopPropagation(); selectEvent(p.id); });
      g.appendChild(c);
    }
    let text = `${shown.length} event${shown.length === 1 ? "" : "s"} on the map`;
    if (state.total > MAX_FEATURES) {
      text += ` (the first ${MAX_FEATURES} of ${state.total} matching: narrow the filters to see the rest)`;
    } else if (state.total > state.features.length) {
      text += ` (${state.total - state.features.length} more without coordinates)`;
    }
    setStatus(text, false);
    $("status").dataset.count = String(shown.length);
  }

  function drawLegend() {
    const legend = $("legend");
    clear(legend);
    for (const type of state.types) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour(type); // CSSOM, not a style attribute: the CSP allows it
      const row = el("div", { "data-type": type, title: `Show only ${type}` }, swatch, type);
      if ($("f-type").value && $("f-type").value !== type) row.classList.add("off");
      row.addEventListener("click", () => {
        $("f-type").value = $("f-type").value === type ? "" : type;
        loadEvents();
      });
      legend.appendChild(row);
    }
    legend.appendChild(el("div", { class: "size" }, "Size: fatalities"));
  }

  // ---- timeline --------------------------------------------------------------------------
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (iso) => Date.parse(`${iso}T00:00:00Z`);

  function binStart(ms, unit) {
    const d = new Date(ms);
    if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY_MS; // Monday
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return ms;
  }

  function nextBin(ms, unit) {
    if (unit === "week") return ms + 7 * DAY_MS;
    if (unit === "month") {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    return ms + DAY_MS;
  }

  function makeBins() {
    const days = state.features.map((f) => f.properties.event_date).filter(Boolean).map(dayMs).filter(Number.isFinite);
    if (days.length === 0) return { unit: "day", bins: [] };
    const lo = Math.min(...days);
    const hi = Math.max(...days);
    const span = (hi - lo) / DAY_MS;
    const unit = span <= 120 ? "day" : span <= 730 ? "week" : "month";
    const bins = [];
    const index = new Map();
    for (let ms = binStart(lo, unit); ms <= hi; ms = nextBin(ms, unit)) {
      index.set(ms, bins.length);
      bins.push({ start: ms, end: nextBin(ms, unit) - DAY_MS, count: 0 });
    }
    for (const d of days) bins[index.get(binStart(d, unit))].count += 1;
    return { unit, bins };
  }

  function drawTimeline() {
    const t = $("timeline");
    clear(t);
    const { unit, bins } = makeBins();
    state.bins = bins;
    $("timeline-title").textContent = `Events per ${unit}`;
    const width = t.getBoundingClientRect().width || 800;
    const height = 90;
    const axis = 14;
    t.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (bins.length === 0) return;
    const max = Math.max(...bins.map((b) => b.count));
    const bw = width / bins.length;
    bins.forEach((b, i) => {
      const h = max ? ((height - axis - 4) * b.count) / max : 0;
      const rect = svg("rect", { x: (i * bw + 0.5).toFixed(2), y: (height - axis - h).toFixed(2), width: Math.max(bw - 1, 0.5).toFixed(2), height: h.toFixed(2) });
      rect.classList.add("bar");
      const s = isoDay(b.start);
      const e = isoDay(b.end);
      if ((!state.since || e >= state.since) && (!state.until || s <= state.until) && (state.since || state.until)) rect.classList.add("in-range");
      rect.dataset.start = s;
      rect.dataset.end = e;
      const title = svg("title", {});
      title.textContent = `${s === e ? s : `${s} – ${e}`}: ${b.count} event${b.count === 1 ? "" : "s"}`;
      rect.appendChild(title);
      t.appendChild(rect);
    });
    const ticks = Math.min(bins.length, Math.max(2, Math.floor(width / 110)));
    for (let k = 0; k < ticks; k += 1) {
      const i = Math.round((k * (bins.length - 1)) / Math.max(ticks - 1, 1));
      const label = svg("text", { x: (i * bw + bw / 2).toFixed(1), y: height - 2, "text-anchor": k === 0 ? "start" : k === ticks - 1 ? "end" : "middle" });
      label.textContent = isoDay(bins[i].start);
      t.appendChild(label);
    }
  }

  function wireTimeline() {
    const t = $("timeline");
    let brush = null;
    const binAt = (clientX) => {
      const rect = t.getBoundingClientRect();
      const i = Math.floor(((clientX - rect.left) / rect.width) * state.bins.length);
      return Math.min(Math.max(i, 0), state.bins.length - 1);
    };
    t.addEventListener("pointerdown", (evt) => {
      if (state.bins.length === 0) return;
      const rect = t.getBoundingClientRect();
      brush = { x0: evt.clientX, rect: svg("rect", { y: 0, height: 76, x: evt.clientX - rect.left, width: 0 }) };
      brush.rect.classList.add("brush");
      t.appendChild(brush.rect);
      t.setPointerCapture(evt.pointerId);
    });
    t.addEventListener("pointermove", (evt) => {
      if (!brush) return;
      const rect = t.getBoundingClientRect();
      const a = Math.min(brush.x0, evt.clientX) - rect.left;
      brush.rect.setAttribute("x", a);
      brush.rect.setAttribute("width", Math.abs(evt.clientX - brush.x0));
    });
    t.addEventListener("pointerup", (evt) => {
      if (!brush) return;
      const i = binAt(Math.min(brush.x0, evt.clientX));
      const j = binAt(Math.max(brush.x0, evt.clientX));
      brush = null;
      const s = isoDay(state.bins[i].start);
      const e = isoDay(state.bins[j].end);
      if (i === j && state.since === s && state.until === e) setDates("", ""); // click again: clear
      else setDates(s, e);
    });
  }

  function setDates(since, until) {
    state.since = since;
    state.until = until;
    $("f-since").value = since;
    $("f-until").value = until;
    drawEvents();
    drawTimeline();
  }

  // ---- loading ---------------------------------------------------------------------------
  function query() {
    const params = new URLSearchParams({ limit: String(MAX_FEATURES) });
    const type = $("f-type").value;
    const actor = $("f-actor").value.trim();
    const admin1 = $("f-admin1").value;
    if (type) params.set("type", type);
    if (actor) params.set("actor", actor);
    if (admin1) params.set("admin1", admin1);
    return params;
  }

  async function loadEvents() {
    const seq = ++state.requestSeq;
    document.body.dataset.state = "loading";
    drawLegend();
    try {
      const body = await getJSON(`/events.geojson?${query()}`);
      if (seq !== state.requestSeq) return; // a newer request superseded this one
      state.features = body.features || [];
      state.total = body.total || 0;
      updateAdmin1Options();
      if (!state.view) {
        const lats = state.features.map((f) => f.geometry.coordinates[1]);
        state.phi0 = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0;
        drawBasemap();
        fitEvents();
      }
      drawEvents();
      drawTimeline();
      document.body.dataset.state = "ready";
    } catch (err) {
      if (seq !== state.requestSeq) return;
      setStatus(`Could not load events: ${err.message}`, true);
      document.body.dataset.state = "error";
    }
  }

  function updateAdmin1Options() {
    let added = false;
    for (const f of state.features) {
      const p = f.properties;
      if (!p.admin1) continue;
      const key = `${p.admin1}\u0000${p.country || ""}`;
      if (!state.admin1s.has(key)) { state.admin1s.add(key); added = true; }
    }
    if (!added) return;
    const select = $("f-admin1");
    const current = select.value;
    clear(select);
    select.appendChild(el("option", { value: "" }, "All regions"));
    const seen = new Set();
    const entries = [...state.admin1s].map((k) => k.split("\u0000")).sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0]));
    for (const [name, country] of entries) {
      if (seen.has(name)) continue;
      seen.add(name);
      select.appendChild(el("option", { value: name }, country ? `${name} (${country})` : name));
    }
    select.value = current;
  }

  // ---- the event panel -------------------------------------------------------------------
  function formatValue(value) {
    if (value === null || value === undefined) return "–";
    if (typeof value === "object") {
      if (value.name) return String(value.name);
      if (value.start && value.end) return value.start === value.end ? value.start : `${value.start} – ${value.end}`;
      return JSON.stringify(value);
    }
    return String(value);
  }

  // The sentence as text nodes, with <mark> around every span that carries a field's value.
  function highlightedSentence(sentence, spans) {
    const frag = document.createDocumentFragment();
    const n = sentence.length;
    const cuts = new Set([0, n]);
    const good = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
      .map((s) => ({ ...s, start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) }))
      .filter((s) => s.start < s.end);
    for (const s of good) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      const text = sentence.slice(a, b);
      const fields = good.filter((s) => s.start <= a && s.end >= b).map((s) => s.field);
      if (fields.length === 0) {
        frag.appendChild(document.createTextNode(text));
      } else {
        const mark = el("mark", { title: [...new Set(fields)].join(", ") }, text);
        mark.dataset.fields = [...new Set(fields)].join(" ");
        frag.appendChild(mark);
      }
    }
    return frag;
  }

  function safeHref(url) {
    // only web links: a javascript: or data: URL from an article must never become clickable
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  function factsList(ev) {
    const dl = el("dl", {});
    const add = (label, value) => {
      if (value === null || value === undefined || value === "") return;
      dl.appendChild(el("dt", {}, label));
      dl.appendChild(el("dd", {}, String(value)));
    };
    const range = ev.date && ev.date.start !== ev.date.end ? ` (${ev.date.start} – ${ev.date.end})` : "";
    add("Date", `${ev.event_date || "?"}${range}`);
    add("Location", [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).join(", "));
    add("Actor 1", ev.actor1);
    add("Actor 2", ev.actor2);
    let fat = String(ev.fatalities);
    if (ev.fatalities_low !== null && ev.fatalities_high !== null && ev.fatalities_low !== undefined && ev.fatalities_low !== ev.fatalities_high) {
      fat += ` (sources say ${ev.fatalities_low}–${ev.fatalities_high})`;
    }
    add("Fatalities", fat);
    add("Injured", ev.injured);
    add("Arrested", ev.arrested);
    add("Sources", `${ev.n_sources} (${ev.n_independent_sources} independent)`);
    if (ev.disagreements && ev.disagreements.length) add("Sources disagree on", ev.disagreements.join(", "));
    add("Notes", ev.notes);
    add("Id", ev.id);
    return dl;
  }

  function claimsTable(ev, outletOf) {
    const table = el("table", { class: "claims", id: "claims" },
      el("thead", {}, el("tr", {}, el("th", {}, "Field"), el("th", {}, "Value"), el("th", {}, "Source"), el("th", {}, "Speaker"))));
    const body = el("tbody", {});
    const disagree = new Set(ev.disagreements || []);
    ev.claims.forEach((c, i) => {
      const tr = el("tr", { "data-claim": i, "data-field": c.field },
        el("td", {}, c.field), el("td", {}, formatValue(c.value)),
        el("td", {}, c.outlet || outletOf(c.article_id)), el("td", {}, c.speaker || "–"));
      if (disagree.has(c.field)) tr.classList.add("disagree");
      tr.addEventListener("click", () => focusClaim(i));
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  // One block per distinct evidence sentence, with the words of every claim on it marked.
  function evidenceBlocks(ev, outletOf) {
    const groups = new Map();
    ev.claims.forEach((c, i) => {
      const e = c.evidence;
      if (!e || typeof e.sentence !== "string") return;
      const key = `${e.article_id}\u0000${e.start}\u0000${e.sentence}`;
      if (!groups.has(key)) groups.set(key, { evidence: e, spans: [], claims: [], outlet: c.outlet || outletOf(e.article_id) });
      const g = groups.get(key);
      g.claims.push(i);
      if (e.span_start !== null && e.span_end !== null) g.spans.push({ start: e.span_start, end: e.span_end, field: c.field });
    });
    const wrap = el("div", { id: "evidence" });
    for (const g of groups.values()) {
      const quote = el("blockquote", { class: "evidence", "data-claims": g.claims.join(" ") });
      quote.appendChild(highlightedSentence(g.evidence.sentence, g.spans));
      wrap.appendChild(quote);
      const fields = [...new Set(g.spans.map((s) => s.field))].join(", ");
      wrap.appendChild(el("p", { class: "evidence-source" }, `${g.outlet}${fields ? ` — ${fields}` : ""}`));
    }
    if (groups.size === 0) wrap.appendChild(el("p", { class: "hint" }, "No evidence sentences recorded."));
    return wrap;
  }

  function focusClaim(i) {
    for (const q of document.querySelectorAll("blockquote.evidence")) {
      const on = q.dataset.claims.split(" ").includes(String(i));
      q.classList.toggle("focus", on);
      if (on) q.scrollIntoView({ block: "nearest" });
    }
  }

  function sourcesList(ev) {
    const ul = el("ul", { class: "sources" });
    for (const s of ev.sources || []) {
      const li = el("li", {});
      const label = `${s.outlet || "unknown outlet"}: ${s.title || s.article_id}`;
      const href = s.url ? safeHref(s.url) : null;
      li.appendChild(href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, label) : document.createTextNode(label));
      const button = el("button", { type: "button", "data-article": s.article_id }, "Show article");
      button.addEventListener("click", () => showArticle(s.article_id, li, button));
      li.appendChild(button);
      ul.appendChild(li);
    }
    return ul;
  }

  async function showArticle(articleId, li, button) {
    button.disabled = true;
    try {
      const a = await getJSON(`/articles/${encodeURIComponent(articleId)}`);
      const meta = [a.outlet, a.published, a.byline].filter(Boolean).join(" · ");
      li.appendChild(el("div", { class: "article" },
        el("strong", {}, a.title || a.id), meta ? el("div", { class: "hint" }, meta) : null,
        el("pre", { class: "article-text" }, a.text)));
      button.remove();
    } catch (err) {
      li.appendChild(el("div", { class: "hint" }, `Could not load the article: ${err.message}`));
      button.disabled = false;
    }
  }

  async function selectEvent(id) {
    state.selectedId = id;
    for (const c of $("layer-events").children) c.classList.toggle("selected", c.dataset.id === id);
    const panel = $("panel");
    panel.dataset.eventId = "";
    try {
      const ev = await getJSON(`/events/${encodeURIComponent(id)}`);
      if (state.selectedId !== id) return;
      const outlets = new Map((ev.sources || []).map((s) => [s.article_id, s.outlet || s.article_id]));
      const outletOf = (articleId) => outlets.get(articleId) || articleId;
      clear(panel);
      const heading = el("h2", {}, `${ev.event_type} — ${ev.sub_event_type}`);
      heading.style.borderLeft = `6px solid ${colour(ev.event_type)}`;
      heading.style.paddingLeft = ".4rem";
      panel.appendChild(heading);
      panel.appendChild(factsList(ev));
      panel.appendChild(el("h3", {}, `Claims (${ev.claims.length})`));
      panel.appendChild(ev.claims.length ? claimsTable(ev, outletOf) : el("p", { class: "hint" }, "No claims recorded."));
      panel.appendChild(el("h3", {}, "Evidence"));
      panel.appendChild(evidenceBlocks(ev, outletOf));
      panel.appendChild(el("h3", {}, "Sources"));
      panel.appendChild(sourcesList(ev));
      panel.dataset.eventId = id;
    } catch (err) {
      clear(panel);
      panel.appendChild(el("p", { class: "hint" }, `Could not load event ${id}: ${err.message}`));
    }
  }

  // ---- start -----------------------------------------------------------------------------
  function wireFilters() {
    $("f-type").addEventListener("change", loadEvents);
    $("f-admin1").addEventListener("change", loadEvents);
    let timer = null;
    $("f-actor").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(loadEvents, 300); });
    $("f-since").addEventListener("change", () => setDates($("f-since").value, $("f-until").value));
    $("f-until").addEventListener("change", () => setDates($("f-since").value, $("f-until").value));
    $("f-reset").addEventListener("click", () => {
      $("f-type").value = "";
      $("f-actor").value = "";
      $("f-admin1").value = "";
      setDates("", "");
      loadEvents();
    });
  }

  async function start() {
    wireFilters();
    wireMapControls();
    wireTimeline();
    try {
      const meta = await getJSON("/meta");
      if (Array.isArray(meta.event_types)) state.types = meta.event_types.map(String);
    } catch (_) {
      // the built-in list of ACLED types serves
    }
    for (const type of state.types) $("f-type").appendChild(el("option", { value: type }, type));
    try {
      state.basemap = await getJSON("/static/basemap.json");
    } catch (err) {
      setStatus(`Basemap missing: ${err.message}`, true);
    }
    await loadEvents();
  }

  document.addEventListener("DOMContentLoaded", start);
})();

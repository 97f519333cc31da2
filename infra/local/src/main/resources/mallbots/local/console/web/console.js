// The MallBots local console: polls the local cloud's JSON views (/_mallbots/...) and draws them.
// Plain DOM and SVG; uPlot (from its webjar) draws the metrics. Text from the system is always set
// as textContent, never as HTML.
"use strict";

const REFRESH_MS = 2000;
const SVG = "http://www.w3.org/2000/svg";
const state = { traceId: "", charts: new Map(), queuesJson: "" };

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(path + ": " + response.status);
  }
  return response.json();
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? "")));
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function time(millis) {
  const d = new Date(millis);
  return d.toLocaleTimeString("en-GB", { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

function short(id) {
  return id ? String(id).substring(0, 8) : "-";
}

function flowLink(correlationId) {
  const link = el("a", { class: "flow-link", title: correlationId }, short(correlationId));
  link.addEventListener("click", () => showTrace(correlationId));
  return link;
}

// ---- live flow -----------------------------------------------------------------------------

async function refreshFlow() {
  const { records } = await getJson("/_mallbots/flow?limit=60");
  const body = document.querySelector("#flow tbody");
  body.replaceChildren(...records.slice().reverse().map(r => {
    const handled = r.kind === "handled";
    return el("tr", { class: "record " + r.kind, "data-message-id": r.messageId || "" },
      el("td", {}, time(r.at)),
      el("td", {}, r.detailType || "(not a message)"),
      el("td", {}, (r.source || "").replace(/^mallbots\./, "")),
      el("td", {}, handled ? r.function : r.targets === 0 ? "no rule matched" : "bus: " + r.targets + " target(s)"),
      el("td", { class: handled ? r.outcome : "" }, handled ? r.outcome + (r.receiveCount > 1 ? " (receive " + r.receiveCount + ")" : "") : "published"),
      el("td", {}, handled ? String(r.ms) : ""),
      el("td", {}, r.correlationId ? flowLink(r.correlationId) : ""));
  }));
}

// ---- queues and redrive --------------------------------------------------------------------

async function refreshQueues() {
  const answer = await getJson("/_mallbots/queues");
  const json = JSON.stringify(answer);
  if (json === state.queuesJson) {
    return; // unchanged: the buttons stay where they are
  }
  state.queuesJson = json;
  const queues = answer.queues;
  const body = document.querySelector("#queues tbody");
  const rows = [];
  for (const q of queues) {
    const button = el("button", { class: "redrive", "data-queue": q.name }, "Redrive");
    button.disabled = q.depth === 0;
    button.addEventListener("click", () => redrive(q.name));
    const name = el("td", {}, q.name);
    if (q.deadLetterQueue) {
      name.append(el("span", { class: "muted" }, "  \u2192 " + q.deadLetterQueue));
    }
    rows.push(el("tr", { class: q.isDeadLetterQueue ? "dlq" : "queue", "data-queue": q.name },
      name,
      el("td", { class: "depth" }, String(q.depth)),
      el("td", {}, String(q.inFlight)),
      el("td", {}, q.isDeadLetterQueue ? button : "")));
    for (const m of q.messages || []) {
      rows.push(el("tr", { class: "dead-letter", "data-queue": q.name },
        el("td", { colspan: "4", class: "reason", title: m.body }, short(m.messageId) + "  " + m.reason)));
    }
  }
  body.replaceChildren(...rows);
}

async function redrive(queue) {
  const result = document.getElementById("redrive-result");
  result.textContent = "redriving " + queue + "...";
  try {
    const response = await fetch("/_mallbots/redrive?queue=" + encodeURIComponent(queue), { method: "POST" });
    const answer = await response.json();
    result.textContent = response.ok
      ? "moved " + answer.moved + " message" + (answer.moved === 1 ? "" : "s") + " out of " + queue
      : "redrive of " + queue + " failed: " + answer.message;
  } catch (e) {
    result.textContent = "redrive of " + queue + " failed: " + e.message;
  }
  refreshQueues().catch(showError);
}

// ---- recent errors -------------------------------------------------------------------------

async function refreshErrors() {
  const [failed, dead, logs] = await Promise.all([
    getJson("/_mallbots/flow?kind=handled&outcome=failed&limit=30"),
    getJson("/_mallbots/flow?kind=handled&outcome=dead-lettered&limit=30"),
    getJson("/_mallbots/logs?level=ERROR&limit=30")]);
  const items = [];
  for (const r of failed.records.concat(dead.records)) {
    items.push({ at: r.at, cls: r.outcome, text: time(r.at) + "  " + r.function + " " + r.outcome + " "
        + (r.detailType || "a message") + " (receive " + r.receiveCount + ")" + (r.reason ? ": " + r.reason : "")
        + (r.deadLetterQueue ? " -> " + r.deadLetterQueue : "") });
  }
  for (const line of logs.lines) {
    items.push({ at: line.seenAt, cls: "ERROR", text: time(line.seenAt) + "  " + line.function + " ERROR " + line.message
        + (line.errorType ? " (" + line.errorType + ": " + (line.errorMessage || "") + ")" : "") });
  }
  items.sort((a, b) => b.at - a.at);
  const list = document.getElementById("errors");
  list.replaceChildren(...(items.length ? items.slice(0, 40).map(i => el("li", { class: i.cls }, i.text))
      : [el("li", { class: "muted" }, "none")]));
}

// ---- trace as a sequence picture -----------------------------------------------------------

function contextOfSource(source) {
  return (source || "?").replace(/^mallbots\./, "");
}

// A function's lane is its context, the first word of its name (OrderingEvents -> ordering).
function contextOfFunction(name) {
  const word = /^[A-Z][a-z0-9]*/.exec(name || "");
  return word ? word[0].toLowerCase() : name;
}

function showTrace(id) {
  document.getElementById("trace-id").value = id;
  state.traceId = id.trim();
  refreshTrace().catch(showError);
}

async function refreshTrace() {
  if (!state.traceId) {
    return;
  }
  const trace = await getJson("/_mallbots/trace?id=" + encodeURIComponent(state.traceId));
  drawTrace(trace);
}

function drawTrace(trace) {
  const picture = document.getElementById("trace-picture");
  const summary = document.getElementById("trace-summary");
  const messages = trace.messages;
  if (!messages.length) {
    summary.textContent = "no message about " + trace.id + " was handled (yet)";
    picture.replaceChildren();
    return;
  }
  const lanes = [];
  const lane = name => {
    if (!lanes.includes(name)) {
      lanes.push(name);
    }
    return lanes.indexOf(name);
  };
  messages.forEach(m => {
    lane(contextOfSource(m.source));
    m.handlings.forEach(h => lane(contextOfFunction(h.function)));
  });
  const laneWidth = 120, left = 80, top = 36, row = 30;
  const width = left + lanes.length * laneWidth + 60;
  const height = top + messages.length * row + 20;
  const x = i => left + i * laneWidth + laneWidth / 2;
  const start = messages[0].occurredAt;
  const handlings = messages.reduce((n, m) => n + m.handlings.length, 0);
  summary.textContent = trace.correlationIds.length + " flow(s), " + messages.length + " messages, " + handlings + " handlings";

  const root = svg("svg", { width, height, viewBox: "0 0 " + width + " " + height, id: "trace-svg", "data-trace-id": trace.id });
  const defs = svg("defs");
  for (const [id, color] of [["head", "#1565c0"], ["head-bad", "#c62828"], ["head-none", "#999"]]) {
    const marker = svg("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
    defs.append(marker);
  }
  root.append(defs);
  lanes.forEach((name, i) => {
    root.append(svg("text", { class: "lane-name", x: x(i), y: 16 }, name));
    root.append(svg("line", { class: "lane-line", x1: x(i), y1: 22, x2: x(i), y2: height - 4 }));
  });
  messages.forEach((m, index) => {
    const y = top + index * row + 14;
    const from = lane(contextOfSource(m.source));
    const group = svg("g", { class: "message", "data-detail-type": m.detailType, "data-message-id": m.messageId });
    group.append(svg("title", {}, m.detailType + " " + m.messageId + " (flow " + m.correlationId + ")"));
    group.append(svg("text", { class: "time", x: left - 8, y: y + 4 }, "+" + (m.occurredAt - start) + " ms"));
    // the name goes on the side the arrows leave to
    const leftwards = m.handlings.length > 0 && m.handlings.every(h => lane(contextOfFunction(h.function)) < from);
    group.append(svg("text", { x: x(from) + (leftwards ? -4 : 4), y: y - 4, "text-anchor": leftwards ? "end" : "start" },
      m.detailType));
    if (!m.handlings.length) {
      group.append(svg("line", { class: "arrow unhandled", x1: x(from), y1: y, x2: x(from) + laneWidth * 0.4, y2: y,
        "marker-end": "url(#head-none)" }));
    }
    for (const h of m.handlings) {
      const to = lane(contextOfFunction(h.function));
      const cls = "arrow " + h.outcome;
      const head = h.outcome === "ok" ? "url(#head)" : "url(#head-bad)";
      const arrow = to === from
        ? svg("path", { class: cls, d: `M${x(from)},${y} c30,-8 30,14 2,10`, "marker-end": head, "data-function": h.function })
        : svg("line", { class: cls, x1: x(from), y1: y, x2: x(to) - (to > from ? 3 : -3), y2: y, "marker-end": head,
            "data-function": h.function });
      arrow.append(svg("title", {}, h.function + ": " + h.outcome + ", after " + (h.at - m.occurredAt) + " ms, took "
          + h.ms + " ms" + (h.receiveCount > 1 ? ", receive " + h.receiveCount : "") + (h.reason ? ": " + h.reason : "")));
      group.append(arrow);
    }
    root.append(group);
  });
  picture.replaceChildren(root);
}

// ---- metrics as small charts ---------------------------------------------------------------

async function refreshMetrics() {
  const { metrics } = await getJson("/_mallbots/metrics");
  const byName = new Map();
  metrics.forEach(m => byName.set(m.name, (byName.get(m.name) || []).concat([m])));
  const container = document.getElementById("metrics");
  for (const [name, series] of byName) {
    let box = container.querySelector(`.metric[data-name="${CSS.escape(name)}"]`);
    if (!box) {
      box = el("div", { class: "metric", "data-name": name }, el("div", { class: "chart" }), el("table"));
      container.append(box);
    }
    const counted = series[0].unit === "Count";
    const points = series.flatMap(s => s.points).sort((a, b) => a[0] - b[0]);
    const xs = [], ys = [];
    let total = 0;
    for (const [at, value] of points) {
      total += value;
      xs.push(at / 1000);
      ys.push(counted ? total : value);
    }
    // the time axis runs to now: a count stays at its total until the next value
    const now = Date.now() / 1000;
    if (!xs.length || xs[xs.length - 1] < now) {
      xs.push(now);
      ys.push(counted ? total : null);
    }
    const chart = state.charts.get(name);
    if (chart) {
      chart.setData([xs, ys]);
    } else if (typeof uPlot !== "undefined") {
      state.charts.set(name, new uPlot({
        title: name + " (" + series[0].unit + ")", width: 330, height: 130, legend: { show: false },
        scales: { x: { time: true } }, axes: [{}, { size: 56 }],
        series: [{}, { label: name, stroke: "#1565c0", width: 1.5, points: { show: !counted, size: 4 } }]
      }, [xs, ys], box.querySelector(".chart")));
    }
    box.querySelector("table").replaceChildren(...series.map(s => el("tr", {},
      el("td", {}, Object.entries(s.dimensions).filter(([k]) => k !== "service" || series.length === 1)
          .map(([k, v]) => k + "=" + v).join(" ") || "all"),
      el("td", { class: "count", "data-sum": String(s.sum) }, counted ? String(s.sum) : s.count + " values, max " + s.max))));
  }
}

// ---- polling -------------------------------------------------------------------------------

function showError(e) {
  const status = document.getElementById("status");
  status.textContent = "cannot reach the local cloud: " + e.message;
  status.className = "status error";
}

async function refreshAll() {
  try {
    await Promise.all([refreshFlow(), refreshQueues(), refreshErrors(), refreshMetrics(), refreshTrace()]);
    const status = document.getElementById("status");
    status.textContent = "updated " + time(Date.now());
    status.className = "status";
  } catch (e) {
    showError(e);
  }
}

document.getElementById("trace-form").addEventListener("submit", event => {
  event.preventDefault();
  showTrace(document.getElementById("trace-id").value);
});
const fromHash = /^#trace=(.+)$/.exec(location.hash);
if (fromHash) {
  showTrace(decodeURIComponent(fromHash[1]));
}
// the next refresh starts when this one is done: a slow one never piles requests up
(async function poll() {
  await refreshAll();
  setTimeout(poll, REFRESH_MS);
})();

// newsdesk web app: the only script, served as a file (no inline script, no handlers in
// HTML). It follows an upload's job: polls /jobs/ID.json and rewrites the progress and
// the per-item results with textContent only (article strings are never parsed as HTML).
"use strict";

(function () {
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Only paths on this server are linked (they come from our JSON, but check anyway).
  function localLink(url, text) {
    if (typeof url === "string" && /^\/(?![\/\\])/.test(url)) {
      var a = el("a", "", text);
      a.setAttribute("href", url);
      return a;
    }
    return el("span", "", text);
  }

  function renderJob(section, job) {
    document.getElementById("job-state").textContent = job.state;
    document.getElementById("job-count").textContent = job.processed + " of " + job.total;
    var bar = document.getElementById("job-progress");
    bar.max = Math.max(job.total, 1);
    bar.value = job.processed;
    var error = document.getElementById("job-error");
    error.textContent = job.error || "";
    error.hidden = !job.error;
    var results = document.getElementById("job-results");
    results.replaceChildren();
    job.results.forEach(function (r) {
      var li = el("li", "result-" + r.status);
      li.appendChild(el("span", "badge status-" + r.status, r.status));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(localLink(r.url, r.message));
      if (r.story_url) {
        li.appendChild(document.createTextNode(" · "));
        li.appendChild(localLink(r.story_url, "story"));
      }
      results.appendChild(li);
    });
    document.getElementById("job-done").hidden = !job.done;
    section.dataset.done = job.done ? "true" : "false";
  }

  function followJob(section) {
    var url = section.dataset.jobUrl;
    if (!url || section.dataset.done === "true") return;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (job) {
        renderJob(section, job);
        if (!job.done) window.setTimeout(function () { followJob(section); }, 700);
      })
      .catch(function () {
        window.setTimeout(function () { followJob(section); }, 2000);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("job");
    if (section) followJob(section);
  });
})();

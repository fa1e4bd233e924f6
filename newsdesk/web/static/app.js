// newsdesk web app: the only script, served as a file (no inline script, no handlers in
// HTML). It follows an upload's job: polls /jobs/ID.json and rewrites the progress and
// the per-item results; and it keeps the stories page current: polls /stories.json and
// redraws the list when stories changed (a watcher or an upload added documents). Both
// use textContent only (article strings are never parsed as HTML).
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

  function storyCard(s) {
    var li = el("li", "story-card");
    var h3 = el("h3");
    h3.appendChild(localLink(s.url, s.title));
    li.appendChild(h3);
    if (s.lead) li.appendChild(el("p", "lead", s.lead));
    var docs = s.documents + " document" + (s.documents === 1 ? "" : "s");
    if (s.copies) docs += " + " + s.copies + " cop" + (s.copies === 1 ? "y" : "ies");
    var outlets = s.outlets.length + " outlet" + (s.outlets.length === 1 ? "" : "s") + ": " +
      s.outlets.join(", ");
    var meta = docs + " · " + outlets;
    if (s.first_seen) {
      meta += " · " + s.first_seen.slice(0, 10);
      if (s.last_seen && s.last_seen.slice(0, 10) !== s.first_seen.slice(0, 10)) {
        meta += " – " + s.last_seen.slice(0, 10);
      }
    }
    li.appendChild(el("p", "meta", meta));
    var genres = el("p", "genres");
    s.genres.forEach(function (g) { genres.appendChild(el("span", "badge genre-" + g, g)); });
    li.appendChild(genres);
    return li;
  }

  function renderStories(section, data) {
    var before = Number(section.dataset.activity || 0);
    var list = section.querySelector("ol.stories");
    list.replaceChildren();
    data.stories.forEach(function (s) { list.appendChild(storyCard(s)); });
    document.getElementById("story-count").textContent =
      data.count + " stor" + (data.count === 1 ? "y" : "ies");
    var changed = data.stories.filter(function (s) { return s.seq > before; }).length;
    var note = document.getElementById("live-note");
    note.textContent = "Updated " + new Date().toLocaleTimeString() + ": " + changed +
      " stor" + (changed === 1 ? "y" : "ies") + " with new activity.";
    note.hidden = false;
    section.dataset.activity = String(data.activity);
  }

  function followStories(section) {
    var url = section.dataset.json;
    if (!url || !/^\/(?![\/\\])/.test(url)) return;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (String(data.activity) !== section.dataset.activity) renderStories(section, data);
      })
      .catch(function () { /* try again on the next tick */ })
      .then(function () {
        window.setTimeout(function () { followStories(section); }, STORIES_POLL_MS);
      });
  }

  var STORIES_POLL_MS = 5000;

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("job");
    if (section) followJob(section);
    var live = document.getElementById("live-stories");
    if (live) {
      window.setTimeout(function () { followStories(live); }, STORIES_POLL_MS);
    }
  });
})();

(function () {
  "use strict";
  var root = document.currentScript.closest(".coalitions-panel");
  var data = JSON.parse(root.querySelector("script.coalitions-data").textContent);
  var council = data.council;
  var parties = data.parties;
  var builder = root.querySelector(".builder");
  var verdict = root.querySelector(".verdict");
  var fill = root.querySelector(".meter-fill");
  var buttons = Array.prototype.slice.call(root.querySelectorAll("button.party-toggle"));
  var lines = Array.prototype.slice.call(root.querySelectorAll("input.red-line"));
  var groups = Array.prototype.slice.call(root.querySelectorAll("svg g.party[data-party]"));
  var chosen = parties.map(function () { return false; });
  builder.hidden = false;

  function quotaFor(members) {
    var withChair = council.chair !== null && members.some(function (i) {
      return parties[i].name === council.chair;
    });
    return withChair ? council.majority_with_chair : council.majority;
  }

  function seatsOf(members) {
    return members.reduce(function (sum, i) { return sum + parties[i].seats; }, 0);
  }

  function wins(members) {
    var enough = council.members_enough;
    if (enough !== null && enough !== undefined && members.length >= enough) {
      return true;
    }
    return seatsOf(members) >= quotaFor(members) &&
      members.length >= (council.members_needed || 0);
  }

  function joined(names, word) {
    if (names.length < 2) { return names.join(""); }
    return names.slice(0, -1).join(", ") + " " + word + " " + names[names.length - 1];
  }

  function chanceOf(names) {
    var key = names.slice().sort().join("\u0000");
    var found = null;
    (data.coalitions || []).forEach(function (item) {
      if (item.chance && item.parties.slice().sort().join("\u0000") === key) {
        found = item.chance;
      }
    });
    return found;
  }

  function describe(members) {
    if (members.length === 0) { return "Choose parties to build a coalition."; }
    var names = members.map(function (i) { return parties[i].name; });
    var seats = seatsOf(members);
    var quota = quotaFor(members);
    var text = names.join(" + ") + ": " + seats + " of " + council.total_seats;
    if (wins(members)) {
      var spare = members.filter(function (i) {
        var rest = members.filter(function (j) { return j !== i; });
        return wins(rest);
      });
      text += seats >= quota
        ? " \u2014 a majority, " + (seats - quota) + " over the " + quota + " needed"
        : " \u2014 a majority by its " + members.length + " parties";
      if (spare.length) {
        var leave = spare.map(function (i) { return parties[i].name; });
        text += "; not minimal: " + joined(leave, "or") + " could leave";
      } else if (members.length === 1) {
        text += "; on its own";
      } else {
        text += "; every party is needed";
      }
    } else if (seats >= quota) {
      text += " \u2014 enough seats, but " + members.length + " of the " +
        council.members_needed + " parties needed";
    } else {
      var short = quota - seats;
      text += " \u2014 " + short + " short of the " + quota + " needed";
      var open = council.undeclared;
      if (open) {
        text += short <= open
          ? "; needs " + short + " of the " + open + " seats still to declare"
          : "; out of reach even with the " + open + " seats still to declare";
      }
    }
    text += ".";
    var chance = chanceOf(names);
    if (chance) {
      text += " Chance of a majority: " + Math.round(chance.value * 100) + "%.";
    }
    return text;
  }

  function update() {
    var members = [];
    chosen.forEach(function (on, i) { if (on) { members.push(i); } });
    buttons.forEach(function (button, i) {
      button.setAttribute("aria-pressed", chosen[i] ? "true" : "false");
    });
    var names = members.map(function (i) { return parties[i].name; });
    groups.forEach(function (group) {
      var inside = names.indexOf(group.getAttribute("data-party")) >= 0;
      group.classList.toggle("dim", members.length > 0 && !inside);
    });
    var seats = seatsOf(members);
    fill.style.width = (100 * seats / council.total_seats) + "%";
    fill.classList.toggle("winning", members.length > 0 && wins(members));
    verdict.textContent = describe(members);
    verdict.setAttribute("data-seats", String(seats));
    var active = lines.filter(function (box) { return box.checked; }).map(function (box) {
      return [box.getAttribute("data-a"), box.getAttribute("data-b")];
    });
    root.querySelectorAll("tr.coalition").forEach(function (row) {
      var inRow = JSON.parse(row.getAttribute("data-parties"));
      row.hidden = active.some(function (pair) {
        return inRow.indexOf(pair[0]) >= 0 && inRow.indexOf(pair[1]) >= 0;
      });
    });
  }

  buttons.forEach(function (button, i) {
    button.addEventListener("click", function () { chosen[i] = !chosen[i]; update(); });
  });
  root.querySelector("button.clear").addEventListener("click", function () {
    chosen = chosen.map(function () { return false; });
    update();
  });
  lines.forEach(function (box) { box.addEventListener("change", update); });
  update();
})();

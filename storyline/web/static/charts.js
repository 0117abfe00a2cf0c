// Draws every chart whose Plotly figure sits in a <script type="application/json"> block.
(function () {
  "use strict";
  if (typeof Plotly === "undefined") return;
  var charts = document.querySelectorAll(".chart[data-figure]");
  for (var i = 0; i < charts.length; i++) {
    var source = document.getElementById(charts[i].getAttribute("data-figure"));
    if (!source) continue;
    var figure = JSON.parse(source.textContent);
    Plotly.newPlot(charts[i], figure.data, figure.layout,
                   {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]});
  }
})();

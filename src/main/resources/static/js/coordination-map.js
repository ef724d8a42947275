// The coordination map: deployment areas of the countries with activities, shaded by their number,
// drawn with Leaflet over no tile layer (everything comes from Bluehelm itself). Without
// JavaScript the table below the map says the same.
(function () {
  function start() {
    var element = document.getElementById('coordination-map');
    if (!element || typeof L === 'undefined') {
      return;
    }
    fetch(element.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var map = L.map(element, { attributionControl: false, zoomSnap: 0.5 });
        var most = 1;
        data.features.forEach(function (f) { most = Math.max(most, f.properties.activities); });
        var layer = L.geoJSON(data, {
          style: function (f) {
            var share = f.properties.activities / most;
            return {
              color: f.properties.overlapping > 0 ? '#b3261e' : '#1f4e79',
              weight: f.properties.overlapping > 0 ? 3 : 1,
              fillColor: '#1f4e79',
              fillOpacity: 0.15 + 0.6 * share
            };
          },
          onEachFeature: function (f, shape) {
            var box = document.createElement('div');
            var title = document.createElement('strong');
            title.textContent = f.properties.countryCode;
            box.appendChild(title);
            [['activities', element.dataset.labelActivities], ['overlapping', element.dataset.labelOverlapping],
             ['gaps', element.dataset.labelGaps]].forEach(function (pair) {
              var line = document.createElement('div');
              line.textContent = pair[1] + ': ' + f.properties[pair[0]];
              box.appendChild(line);
            });
            shape.bindPopup(box);
          }
        }).addTo(map);
        if (data.features.length > 0) {
          map.fitBounds(layer.getBounds(), { padding: [20, 20] });
        } else {
          map.setView([5, 15], 3);
        }
      });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

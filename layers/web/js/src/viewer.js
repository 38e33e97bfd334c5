// Stadtzwilling – 3D-Ansicht des Web-Zwillings (Bürgerzwilling) im Browser.
// Liest szene.json (Layer, Legenden, Overlays), tiles/tileset.json (OGC 3D Tiles 1.1 mit glTF-Kacheln),
// attribute/<layer>.json (öffentliche Attribute je Objekt) und suche.json. Alles relativ zur Seite:
// kein Aufruf an fremde Server. Lokale Koordinaten: x Ost, y Nord, z oben (Projekt-KBS minus origin);
// three.js und glTF sind y-oben: (x, y, z) -> (x, z, -y).
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

const $ = (id) => document.getElementById(id);
const toThree = (p) => new THREE.Vector3(p[0], p[2], -p[1]);
const fold = (s) => s.toLocaleLowerCase('de-DE').replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe')
  .replace(/ü/g, 'ue').replace(/str\./g, 'strasse').replace(/\s+/g, ' ').trim();
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const fmt = (v) => esc(typeof v === 'boolean' ? (v ? 'ja' : 'nein') : fmtRaw(v));
const fmtRaw = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toLocaleString('de-DE', { maximumFractionDigits: 2 })
  : String(v));

const api = { ready: false, error: null, tilesLoaded: 0, tilesTotal: 0, firstFrameMs: null, picked: null };
window.stadtzwilling = api;
const started = performance.now();

const renderer = new THREE.WebGLRenderer({ canvas: $('szene'), antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
const scene = new THREE.Scene();
scene.background = new THREE.Color(0xdfe9f3);
const camera = new THREE.PerspectiveCamera(45, 1, 1, 20000);
const controls = new OrbitControls(camera, renderer.domElement);
controls.enableDamping = false;
controls.maxPolarAngle = Math.PI * 0.49;
scene.add(new THREE.HemisphereLight(0xffffff, 0x8d7c63, 1.6));
const sun = new THREE.DirectionalLight(0xffffff, 1.8);
sun.position.set(-400, 800, 300);
scene.add(sun);

const groups = {};      // layer name -> THREE.Group
const attributes = {};  // layer name -> {felder, objekte}
const pickable = [];
let marker = null;
let needsRender = true;
const requestRender = () => { needsRender = true; };
controls.addEventListener('change', requestRender);

function resize() {
  const el = renderer.domElement.parentElement;
  const w = el.clientWidth, h = el.clientHeight;
  renderer.setSize(w, h, false);
  camera.aspect = w / Math.max(h, 1);
  camera.updateProjectionMatrix();
  requestRender();
}
window.addEventListener('resize', resize);

function loop() {
  requestAnimationFrame(loop);
  if (!needsRender) return;
  needsRender = false;
  renderer.render(scene, camera);
  if (api.ready && api.firstFrameMs === null) api.firstFrameMs = performance.now() - started;
}

async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function status(text) { $('status').textContent = text; }

function styleLayer(name, object) {
  object.traverse((o) => {
    if (!o.material) return;
    o.material.vertexColors = true;
    if (name === 'parcels' && o.isMesh) {
      o.material.transparent = true;
      o.material.depthWrite = false;
      o.renderOrder = 2;
    }
    if (o.isLine || o.isLineSegments) o.renderOrder = 3;
  });
}

function legendHtml(rows) {
  return rows.map(([c, t]) => `<li><span class="farbe" style="background:${esc(c)}"></span>${esc(t)}</li>`).join('');
}

function addLayerControl(entry, isOverlay) {
  const li = document.createElement('li');
  const id = `layer-${entry.name}`;
  li.innerHTML = `<label><input type="checkbox" id="${id}" ${entry.sichtbar ? 'checked' : ''}> ${esc(entry.titel)}</label>
    <ul class="legende">${legendHtml(entry.legende || [])}</ul>`;
  $(isOverlay ? 'overlays' : 'layers').appendChild(li);
  li.querySelector('input').addEventListener('change', (ev) => setVisible(entry, ev.target.checked, isOverlay));
}

const loader = new GLTFLoader();
const overlayEntries = {};

// A map image (hazard or heat) laid over the terrain tiles: each tile's geometry with UVs from the map's bounds.
async function overlayGroup(entry) {
  const texture = await new THREE.TextureLoader().loadAsync(entry.uri);
  texture.magFilter = THREE.NearestFilter;
  texture.colorSpace = THREE.SRGBColorSpace;
  const [x0, y0, x1, y1] = entry.bounds;
  const material = new THREE.MeshBasicMaterial({ map: texture, transparent: true, depthWrite: false,
    polygonOffset: true, polygonOffsetFactor: -4, polygonOffsetUnits: -4, opacity: 0.85 });
  const g = new THREE.Group();
  g.name = entry.name;
  groups.terrain.updateMatrixWorld(true);
  groups.terrain.traverse((o) => {
    if (!o.isMesh) return;
    const geom = o.geometry.clone();
    const pos = geom.getAttribute('position');
    const uv = new Float32Array(pos.count * 2);
    const v = new THREE.Vector3();
    for (let i = 0; i < pos.count; i++) {
      v.fromBufferAttribute(pos, i).applyMatrix4(o.matrixWorld);
      uv[2 * i] = (v.x - x0) / (x1 - x0);
      uv[2 * i + 1] = (-v.z - y0) / (y1 - y0);
    }
    geom.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
    const mesh = new THREE.Mesh(geom, material);
    mesh.applyMatrix4(o.matrixWorld);
    mesh.renderOrder = 1;
    g.add(mesh);
  });
  texture.wrapS = texture.wrapT = THREE.ClampToEdgeWrapping;
  return g;
}

async function setVisible(entry, on, isOverlay) {
  if (isOverlay && on && !groups[entry.name]) {
    status(`Lade ${entry.titel} …`);
    const g = await overlayGroup(entry);
    groups[entry.name] = g;
    scene.add(g);
    status('');
  }
  if (groups[entry.name]) groups[entry.name].visible = on;
  requestRender();
  stream();
}

// Streaming: a tile is loaded once its box is in the view and near enough for its layer; nearest first.
const SIGHT_M = { terrain: 20000, buildings: 2500, parcels: 1500, trees: 1500, closures: 2500 };
const leaves = [];
let loading = 0;
let tilesKnown = false;  // set by addTiles: before it, "nothing to load" does not mean ready

function tileBox(b) {  // 3D Tiles box (local z-up, axis-aligned) -> three.js y-up
  return new THREE.Box3(new THREE.Vector3(b[0] - b[3], b[2] - b[11], -(b[1] + b[7])),
    new THREE.Vector3(b[0] + b[3], b[2] + b[11], -(b[1] - b[7])));
}

function wanted() {
  camera.updateMatrixWorld(true);
  const frustum = new THREE.Frustum().setFromProjectionMatrix(
    new THREE.Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
  return leaves.filter((l) => !l.state && l.group.visible && frustum.intersectsBox(l.box)
    && l.box.distanceToPoint(camera.position) < (SIGHT_M[l.name] || 2000))
    .sort((a, b) => a.box.distanceToPoint(camera.position) - b.box.distanceToPoint(camera.position));
}

function stream() {
  if (!tilesKnown) return;  // a camera move before the tileset arrived
  const todo = wanted();
  api.tilesWanted = todo.length + loading;
  while (loading < 4 && todo.length) {
    const leaf = todo.shift();
    leaf.state = 'laedt';
    loading += 1;
    loader.loadAsync(`tiles/${leaf.uri}`).then((gltf) => {
      styleLayer(leaf.name, gltf.scene);
      leaf.group.add(gltf.scene);
      leaf.state = 'da';
      api.tilesLoaded += 1;
    }).catch((err) => {
      leaf.state = 'fehler';
      api.error = `Kachel ${leaf.uri}: ${err.message || err}`;
      status(`Eine Kachel konnte nicht geladen werden: ${leaf.uri}`);
    }).finally(() => {
      loading -= 1;
      requestRender();
      stream();
    });
  }
  if (loading === 0 && !todo.length) {
    status('');
    if (!api.ready && api.manifest) { api.ready = true; requestRender(); }
  } else {
    status(`Lade Kacheln … ${api.tilesLoaded}/${api.tilesLoaded + todo.length + loading}`);
  }
}

function addTiles(manifest, tileset) {
  for (const child of tileset.root.children) {
    const name = child.extras.layer;
    const g = new THREE.Group();
    g.name = name;
    g.userData.layer = name;
    const entry = manifest.layer.find((l) => l.name === name);
    g.visible = entry ? entry.sichtbar : true;
    groups[name] = g;
    scene.add(g);
    if (entry && entry.attribute) pickable.push(g);
    for (const leaf of child.children) {
      leaves.push({ name, group: g, uri: leaf.content.uri, box: tileBox(leaf.boundingVolume.box), state: null });
    }
  }
  api.tilesTotal = leaves.length;
  tilesKnown = true;
}

let streamTimer = null;
controls.addEventListener('change', () => { clearTimeout(streamTimer); streamTimer = setTimeout(stream, 150); });

function showInfo(layerName, fid) {
  const table = attributes[layerName];
  const entry = api.manifest.layer.find((l) => l.name === layerName);
  const obj = table && table.objekte[fid];
  if (!obj) return;
  const rows = table.felder.filter(([n]) => obj[n] !== undefined)
    .map(([n, t]) => `<tr><th>${esc(t)}</th><td>${fmt(obj[n])}</td></tr>`).join('');
  $('info-inhalt').innerHTML = `<h2>${esc(entry ? entry.titel : layerName)}</h2><table>${rows}</table>`;
  $('info').hidden = false;
  api.picked = { layer: layerName, fid, attrs: obj };
}

function pick(ev) {
  const rect = renderer.domElement.getBoundingClientRect();
  const ndc = new THREE.Vector2(((ev.clientX - rect.left) / rect.width) * 2 - 1,
    -((ev.clientY - rect.top) / rect.height) * 2 + 1);
  const ray = new THREE.Raycaster();
  ray.params.Line.threshold = 1.0;
  ray.setFromCamera(ndc, camera);
  const hits = ray.intersectObjects(pickable.filter((g) => g.visible), true);
  for (const hit of hits) {
    let o = hit.object;
    while (o && !o.userData.layer) o = o.parent;
    const attr = hit.object.geometry.getAttribute('_feature_id_0');
    if (!o || !attr) continue;
    const vertex = hit.face ? hit.face.a : hit.index;
    const fid = Math.round(attr.getX(vertex));
    if (fid < 0) continue;
    showInfo(o.userData.layer, fid);
    return;
  }
  $('info').hidden = true;
  api.picked = null;
}

let down = null;
renderer.domElement.addEventListener('pointerdown', (ev) => { down = [ev.clientX, ev.clientY]; });
renderer.domElement.addEventListener('pointerup', (ev) => {
  if (down && Math.hypot(ev.clientX - down[0], ev.clientY - down[1]) < 4) pick(ev);
  down = null;
});

function flyTo(p, distance = 180) {
  const target = toThree(p);
  controls.target.copy(target);
  camera.position.set(target.x + distance * 0.5, target.y + distance, target.z + distance * 0.8);
  controls.update();
  if (!marker) {
    marker = new THREE.Mesh(new THREE.ConeGeometry(3, 10, 12), new THREE.MeshBasicMaterial({ color: 0xe53935 }));
    marker.rotation.x = Math.PI;
    scene.add(marker);
  }
  marker.position.set(target.x, target.y + 20, target.z);
  requestRender();
}

function search(text) {
  const q = fold(text);
  if (!q) return [];
  const starts = [], contains = [];
  for (const e of api.index) {
    const f = fold(e.t);
    if (f.startsWith(q)) starts.push(e); else if (f.includes(q)) contains.push(e);
  }
  return starts.concat(contains).slice(0, 12);
}

function showResults(list) {
  const ul = $('treffer');
  ul.innerHTML = '';
  if (!list.length && $('suche').value.trim()) {
    ul.innerHTML = '<li class="leer">Nichts gefunden.</li>';
    return;
  }
  for (const e of list) {
    const li = document.createElement('li');
    li.innerHTML = `<button type="button">${esc(e.t)} <small>${esc(e.a)}</small></button>`;
    li.querySelector('button').addEventListener('click', () => { flyTo(e.p, e.a === 'Straße' ? 320 : 120); ul.innerHTML = ''; });
    ul.appendChild(li);
  }
}

// centre of a feature's vertices in local coordinates (x east, y north, z up), null if not loaded
api.centreOf = (layerName, fid) => {
  const g = groups[layerName];
  if (!g) return null;
  const sum = new THREE.Vector3();
  const v = new THREE.Vector3();
  let n = 0;
  g.updateMatrixWorld(true);
  g.traverse((o) => {
    const attr = o.geometry && o.geometry.getAttribute('_feature_id_0');
    if (!attr) return;
    const pos = o.geometry.getAttribute('position');
    for (let i = 0; i < attr.count; i++) {
      if (Math.round(attr.getX(i)) === fid) { v.fromBufferAttribute(pos, i).applyMatrix4(o.matrixWorld); sum.add(v); n++; }
    }
  });
  return n ? [sum.x / n, -sum.z / n, sum.y / n] : null;
};
// where a feature is on the page (CSS pixels), for tests and links
api.screenOf = (layerName, fid) => {
  const c = api.centreOf(layerName, fid);
  if (!c) return null;
  camera.updateMatrixWorld(true);
  const p = toThree(c).project(camera);
  const rect = renderer.domElement.getBoundingClientRect();
  return { x: rect.left + (p.x + 1) / 2 * rect.width, y: rect.top + (1 - p.y) / 2 * rect.height };
};
api.search = search;
api.target = () => [controls.target.x, -controls.target.z, controls.target.y];
api.flyTo = (p, d) => flyTo(p, d);
api.render = () => renderer.render(scene, camera);
api.setVisible = (name, on) => {
  const entry = api.manifest.layer.find((l) => l.name === name) || api.manifest.overlays.find((l) => l.name === name);
  const box = document.getElementById(`layer-${name}`);
  if (box) box.checked = on;
  return setVisible(entry, on, api.manifest.overlays.includes(entry));
};

async function main() {
  const manifest = await json('szene.json');
  api.manifest = manifest;
  document.title = `${manifest.titel} – ${manifest.gemeinde}`;
  $('titel').textContent = manifest.gemeinde;
  $('untertitel').textContent = `${manifest.titel} · Stand ${new Date(manifest.stand).toLocaleDateString('de-DE')}`;
  const ext = manifest.ausdehnung || [0, -1000, 1000, 0];
  const cx = (ext[0] + ext[2]) / 2, cy = (ext[1] + ext[3]) / 2, size = Math.max(ext[2] - ext[0], ext[3] - ext[1]);
  resize();
  for (const entry of manifest.layer) addLayerControl(entry, false);
  for (const entry of manifest.overlays) { overlayEntries[entry.name] = entry; addLayerControl(entry, true); }
  $('overlay-box').hidden = manifest.overlays.length === 0;
  const [tileset, index] = await Promise.all([json(manifest.tileset), json(manifest.suche)]);
  api.index = index;
  // the camera looks at the middle of the addresses (the built-up area), else at the extent's centre
  const median = (k) => index.map((e) => e.p[k]).sort((a, b) => a - b)[Math.floor(index.length / 2)];
  const [mx, my, ground] = index.length ? [median(0), median(1), median(2)] : [cx, cy, 0];
  const span = index.length ? Math.max(400, Math.min(size, 900)) : size;
  controls.target.set(mx, ground, -my);
  camera.position.set(mx + span * 0.3, ground + span * 0.55, -my + span * 0.7);
  controls.update();
  loop();
  await Promise.all(manifest.layer.filter((l) => l.attribute)
    .map(async (l) => { attributes[l.name] = await json(l.attribute); }));
  addTiles(manifest, tileset);
  stream();
}

$('suche').addEventListener('input', (ev) => showResults(search(ev.target.value)));
$('suche').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') { const r = search(ev.target.value); if (r.length) { flyTo(r[0].p, r[0].a === 'Straße' ? 320 : 120); $('treffer').innerHTML = ''; } }
});
$('info-zu').addEventListener('click', () => { $('info').hidden = true; });
main().catch((err) => {
  api.error = String(err && err.message ? err.message : err);
  status(`Die 3D-Ansicht konnte nicht geladen werden: ${api.error}`);
  console.error(err);
});

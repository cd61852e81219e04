import { FourportsInputError } from "./input-error.js";
import { closest } from "./suggest.js";
import { MODES, type Hub, type HubKind, type Mode, type PortGroup, type Scenario } from "./types.js";

/** One hub as `listHubs` gives it: plain JSON, one row of the `fourports hubs` table. */
export interface HubRow {
  /** Hub id. */
  id: string;
  /** English name. */
  name: string;
  /** The Chinese name, or null when the scenario gives none. */
  nameZh: string | null;
  /** What kind of hub it is. */
  kind: HubKind;
  /** City the hub belongs to. */
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The port group it counts for, or null. */
  portGroup: PortGroup | null;
  /** The modes of the services that start, end or call at the hub, in MODES order. */
  modes: Mode[];
}

/** Which hubs `listHubs` keeps; every field given must match. */
export interface HubFilter {
  /** Only hubs served by a service of this mode. */
  mode?: string;
  /** Only hubs in this city (its English name, case-insensitive, or its Chinese name with or without 市). */
  city?: string;
}

const fold = (s: string): string => s.normalize("NFC").trim().toLowerCase();
/** 郑州市 and 郑州 name the same city: the suffix 市 ("city") is often left off. */
const foldZh = (s: string): string => fold(s).replace(/市$/u, "");

/** The modes served at each hub id, from the services' origins, destinations and calls. */
function modesByHub(scenario: Scenario): Map<string, Set<Mode>> {
  const by = new Map<string, Set<Mode>>();
  const add = (hub: string, mode: Mode): void => {
    let s = by.get(hub);
    if (!s) by.set(hub, (s = new Set()));
    s.add(mode);
  };
  for (const s of scenario.services) {
    add(s.from, s.mode);
    add(s.to, s.mode);
    for (const v of s.via ?? []) add(v.hub, s.mode);
  }
  return by;
}

/** The hubs of a city: the English city name, or a city hub's Chinese name (郑州市 / 郑州). */
function hubsInCity(scenario: Scenario, query: string): Hub[] {
  const q = fold(query);
  const byName = scenario.hubs.filter((h) => fold(h.city) === q);
  if (byName.length > 0) return byName;
  const zh = foldZh(query);
  const cityHub = scenario.hubs.find((h) => h.kind === "city" && h.nameZh !== undefined && foldZh(h.nameZh) === zh);
  return cityHub ? scenario.hubs.filter((h) => h.city === cityHub.city) : [];
}

/** Every name a hub can be looked up by, for did-you-mean: ids first, so a typo of an id suggests the id. */
function lookupNames(scenario: Scenario): string[] {
  const names = scenario.hubs.map((h) => h.id);
  for (const h of scenario.hubs) names.push(h.name, h.city, ...(h.nameZh ? [h.nameZh] : []));
  return [...new Set(names)];
}

const candidates = (hubs: Hub[]): string => hubs.map((h) => `${h.id} (${h.name})`).join(", ");

/**
 * The hub a user means by `query`, tried in this order: its id (case-insensitive); its English
 * name (case-insensitive) or Chinese name; its city — the one hub of that city, or, where a
 * city has several, its `city` hub (the shippers and consignees, where freight starts and
 * ends). A city with several hubs and no city hub, or a name shared by hubs, is ambiguous: the
 * error lists the candidates. Nothing is matched by a part of a name.
 * @throws FourportsInputError ("invalid-option") for an unknown or ambiguous query, with a did-you-mean.
 */
export function findHub(scenario: Scenario, query: string): Hub {
  const q = fold(query);
  if (q === "") throw new FourportsInputError("invalid-option", "hub: expected an id or a name, got an empty string");
  const byId = scenario.hubs.filter((h) => fold(h.id) === q);
  if (byId.length === 1) return byId[0]!;
  // Ids are unique in a valid scenario; two ids differing only in case are matched exactly.
  const exact = byId.find((h) => h.id === query.trim());
  if (exact) return exact;
  const byName = scenario.hubs.filter((h) => fold(h.name) === q || (h.nameZh !== undefined && fold(h.nameZh) === q));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new FourportsInputError("invalid-option", `hub "${query}" is ambiguous: it names ${candidates(byName)}; give the id`);
  const inCity = hubsInCity(scenario, query);
  if (inCity.length === 1) return inCity[0]!;
  const cityHubs = inCity.filter((h) => h.kind === "city");
  if (cityHubs.length === 1) return cityHubs[0]!;
  if (inCity.length > 1) {
    throw new FourportsInputError("invalid-option", `hub "${query}" is ambiguous: the city has ${inCity.length} hubs, ${candidates(inCity)}; give the id`);
  }
  const near = closest(query.trim(), lookupNames(scenario));
  throw new FourportsInputError("invalid-option", `unknown hub "${query}"${near === undefined ? "" : ` (did you mean "${near}"?)`}; \`fourports hubs\` lists them`);
}

/**
 * The scenario's hubs as plain rows in scenario order, with the modes that serve each.
 * @throws FourportsInputError ("invalid-option") for a mode that is not one of MODES or a city with no hub.
 */
export function listHubs(scenario: Scenario, filter: HubFilter = {}): HubRow[] {
  const { mode, city } = filter;
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    const near = closest(mode, MODES);
    throw new FourportsInputError("invalid-option", `mode: unknown mode "${mode}"${near ? ` (did you mean "${near}"?)` : ""}; expected one of ${MODES.join(", ")}`);
  }
  let hubs = scenario.hubs;
  if (city !== undefined) {
    hubs = hubsInCity(scenario, city);
    if (hubs.length === 0) {
      const near = closest(city.trim(), new Set(scenario.hubs.map((h) => h.city)));
      throw new FourportsInputError("invalid-option", `city: no hub in "${city}"${near ? ` (did you mean "${near}"?)` : ""}`);
    }
  }
  const modes = modesByHub(scenario);
  const rows = hubs.map((h): HubRow => {
    const served = modes.get(h.id) ?? new Set<Mode>();
    return {
      id: h.id,
      name: h.name,
      nameZh: h.nameZh ?? null,
      kind: h.kind,
      city: h.city,
      country: h.country,
      portGroup: h.portGroup,
      modes: MODES.filter((m) => served.has(m)),
    };
  });
  return mode === undefined ? rows : rows.filter((r) => r.modes.includes(mode as Mode));
}

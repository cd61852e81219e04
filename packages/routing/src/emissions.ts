import type { Label, Mode } from "@fourports/network";

/** How much CO2e a mode emits per tonne-km, and where the figure comes from. */
export interface EmissionFactor {
  /** Grams of CO2 equivalent per tonne-kilometre. */
  gCo2ePerTKm: number;
  /** The document or figure the factor is taken from. */
  source: string;
  /** What kind of figure it is (official, estimate, assumption). */
  label: Label;
}

/**
 * Default emission factors, g CO2e per tonne-km, from shared/FACTS.md: the GLEC Framework
 * default for long-haul air freighters (tank-to-wake 498, rounded to 500), and the midpoints of
 * the indicative ranges for the other modes. HSR freight rides electric passenger trains; it
 * takes the rail figure (ASSUMPTION). Pass your own table to prepareRouting to change them.
 */
export const DEFAULT_EMISSION_FACTORS: Record<Mode, EmissionFactor> = {
  air: { gCo2ePerTKm: 500, source: "GLEC Framework v3, air freighter > 1,500 km (TTW 498)", label: "OFF" },
  road: { gCo2ePerTKm: 72.5, source: "FACTS.md: road truck 65–80 (indicative), midpoint", label: "EST" },
  rail: { gCo2ePerTKm: 20, source: "FACTS.md: rail long haul 15–25 (indicative), midpoint", label: "EST" },
  hsr: { gCo2ePerTKm: 20, source: "rail figure taken for HSR freight", label: "ASSUMPTION" },
  river: { gCo2ePerTKm: 32.5, source: "FACTS.md: inland waterway 25–40 (indicative), midpoint", label: "EST" },
  sea: { gCo2ePerTKm: 11.5, source: "FACTS.md: deep-sea container 8–15 (indicative), midpoint", label: "EST" },
};

import type { CountyGeneratorParams } from "./generate.js";

/**
 * The parameters of the shipped example county. The counts are a Henan county's average
 * (province totals divided by the number of county-level units), so the example is the size a
 * planner meets; everything else is a modelling choice.
 */
export const EXAMPLE_COUNTY_PARAMS: CountyGeneratorParams = {
  seed: "fourports-rural-example-1",
  id: "henan-generated-county",
  name: "Generated Henan county (not a real place)",
  lon: 114.6,
  lat: 33.9,
  areaKm2: 1060,
  townships: 15,
  candidateTownships: 4,
  villages: 290,
  roadSpacingKm: 1.6,
  meanDownParcelsPerDay: 25,
  meanUpParcelsPerDay: 8,
  parcelBusShare: 0.6,
  sources: [
    {
      label: "EST",
      source: "Henan province area ≈ 167,000 km² and ≈ 157 county-level divisions (Henan Statistical Yearbook, administrative divisions table)",
      note: "areaKm2 = 167,000 / 157 ≈ 1,060. Figures as widely published; not re-checked against the yearbook from this machine (no internet): verify before citing.",
    },
    {
      label: "EST",
      source: "Henan ≈ 2,400 township-level divisions (乡、镇、街道) and ≈ 45,000 administrative villages (建制村) (Henan Statistical Yearbook; Ministry of Civil Affairs division statistics)",
      note: "townships = 2,400 / 157 ≈ 15; villages = 45,000 / 157 ≈ 290. Same caveat: verify the totals against the current yearbook.",
    },
    {
      label: "EST",
      source: "Henan highway mileage ≈ 270,000 km (most of it rural roads) over 167,000 km² ≈ 1.6 km/km² (Henan Statistical Yearbook, transport chapter)",
      note: "roadSpacingKm 1.6 on a jittered grid with 1.15 winding gives about 1.5 km of road per km²; check roadDensityKmPerKm2 below. Same caveat.",
    },
    {
      label: "ASSUMPTION",
      source: "fourports modelling choice",
      note: "Parcels per village per day (25 down, 8 up, Poisson), 60% of village bus lines carrying 40 parcels a trip (a luggage hold), two of three trunk buses 80 parcels, three freight lines of 400 parcels, vans (4 at the centre with 200 parcels, 1 per open township with 150; 8 h / 7 h shifts from 08:30 / 10:00, 1.6 CNY/km, 40 / 35 km/h; routes planned to 85% of capacity), parcels sorted at 07:00, 5 min a stop, 80% of villages with a station: none of these is from a source.",
    },
  ],
};

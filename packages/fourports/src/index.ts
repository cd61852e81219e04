export * from "@fourports/network";
export * from "@fourports/routing";
export * from "@fourports/targets";
export * from "@fourports/flow";
export * from "@fourports/sim";
export * from "@fourports/rural";
export * from "@fourports/planner";
export * from "@fourports/seeds";

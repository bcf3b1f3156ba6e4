/** Compliance presets the generator knows; their requirement sets live in presets/<id>.yaml. */
export const PRESET_IDS = ['pci-dss-4.0.1', 'fedramp-moderate', 'fedramp-high', 'nist-ssdf-1.1', 'eu-cra', 'soc2', 'iso27001-2022'] as const;

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export function initialFiles(
  manifest: Record<string, ManifestChunk>,
  routeModules: string[],
): string[];

import { createContext, useContext } from 'react';
import type { Instance, Localized } from '../api/types';

export const InstanceContext = createContext<Instance | null>(null);

export function useInstance(): Instance {
  const instance = useContext(InstanceContext);
  if (!instance) throw new Error('useInstance outside InstanceContext');
  return instance;
}

/** Picks the text of a per-locale JSON label (`{ fr: "Région", en: "Region" }`). */
export function localize(label: Localized | null | undefined, lng: string, fallback = ''): string {
  if (!label) return fallback;
  if (typeof label === 'string') return label;
  return label[lng] ?? label[lng.split('-')[0]] ?? label.fr ?? Object.values(label)[0] ?? fallback;
}

/** The instance name in the current language (the config gives it per locale). */
export function instanceName(instance: Pick<Instance, 'name'>, lng: string): string {
  return localize(instance.name, lng, 'PILOTE');
}

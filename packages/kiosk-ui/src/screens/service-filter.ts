import { serviceCategories, type KioskService, type ServiceCategory } from '@sidbox/protocol';

/** Above this many services the home screen offers a search field. */
export const searchFrom = 9;

/** The categories that have services, in the protocol's order. */
export function categoriesOf(services: readonly KioskService[]): ServiceCategory[] {
  return serviceCategories.filter((category) =>
    services.some((service) => service.category === category),
  );
}

/**
 * The tiles to show: those of the chosen category whose title or description, in the
 * citizen's language or German, contains every word searched for (case and accents ignored).
 */
export function filterServices(
  services: readonly KioskService[],
  category: ServiceCategory | null,
  search: string,
  language: string,
): KioskService[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return services.filter((service) => {
    if (category && service.category !== category) return false;
    const text = fold(
      [service.title, service.description]
        .flatMap((texts) => [texts[language] ?? '', texts['de'] ?? ''])
        .join(' '),
    );
    return words.every((word) => text.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

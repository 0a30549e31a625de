/** Messages of the resource map / catalogue of services, pl and en. */
export const serviceMessages = {
  'service.freePlacesOverCapacity': {
    pl: 'Wolnych miejsc nie może być więcej niż wszystkich miejsc.',
    en: 'Free places cannot exceed the capacity.',
  },
  'service.capacityRequired': {
    pl: 'Podając wolne miejsca, podaj też liczbę wszystkich miejsc.',
    en: 'When you give free places, give the capacity too.',
  },
  'service.manageForbidden': {
    pl: 'Usługi instytucji w mapie zasobów zmienia jej administrator albo animator partnerstwa — i tylko dla własnej instytucji.',
    en: 'An institution’s services are changed by its administrator or partnership animator — for their own institution only.',
  },
  'service.noInstitution': {
    pl: 'Wybierz aktywną instytucję, aby dodać usługę.',
    en: 'Choose an active institution to add a service.',
  },
  'phone.invalid': {
    pl: 'Nieprawidłowy numer telefonu (9–15 cyfr; dozwolone +, spacje, myślniki, nawiasy).',
    en: 'Invalid phone number (9–15 digits; +, spaces, dashes and brackets allowed).',
  },
} as const;

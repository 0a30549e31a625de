/** Messages of the notifications module, pl and en. */
export const notificationMessages = {
  'notifications.preferencesChanged': {
    pl: 'Ustawienia powiadomień zmieniono w innym oknie. Wczytaj je ponownie i zapisz swoje zmiany jeszcze raz.',
    en: 'Your notification settings were changed in another window. Reload them and save your changes again.',
  },
};

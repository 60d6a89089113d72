// Texts of the account pages (invitation, setup, reset, the users page) for accounts that
// already exist: joining while signed in, links sent by e-mail. Merged into the catalogue.
export const accountMessages = {
  'invite.signInFirst': {
    fi: 'Osoitteella {email} on jo Kohtaamo-tunnus. Kirjaudu sisään sillä, niin palaat tälle sivulle liittymään.',
    en: 'The address {email} already has a Kohtaamo account. Sign in with it and you come back here to join.',
  },
  'invite.signIn': { fi: 'Kirjaudu sisään', en: 'Sign in' },
  'invite.joinIntro': {
    fi: 'Olet kirjautunut tunnuksella {email}.',
    en: 'You are signed in as {email}.',
  },
  'invite.joinAs': { fi: 'Liity tunnuksella {email}', en: 'Join as {email}' },
  'invite.wrongAccount': {
    fi: 'Olet kirjautunut tunnuksella {current}, mutta kutsu on osoitteelle {email}. Kirjaudu ulos Oma tili -sivulla, kirjaudu tunnuksella {email} ja avaa linkki uudelleen.',
    en: 'You are signed in as {current}, but the invitation is for {email}. Log out on the My account page, sign in as {email} and open the link again.',
  },
  'setup.joinIntro': {
    fi: 'Olet kirjautunut tunnuksella {email}. Sinusta tulee tämän työtilan ylläpitäjä tällä tunnuksella.',
    en: 'You are signed in as {email}. You become the admin of this workspace with this account.',
  },
  'setup.joinAs': { fi: 'Ryhdy ylläpitäjäksi tunnuksella {email}', en: 'Become admin as {email}' },
  'setup.haveAccount': {
    fi: 'Onko sinulla jo Kohtaamo-tunnus? Kirjaudu ensin sisään, niin palaat tälle sivulle.',
    en: 'Already have a Kohtaamo account? Sign in first and you come back to this page.',
  },
  'users.inviteSent': {
    fi: 'Osoitteella {email} on jo tunnus, joten kutsu lähetettiin sen sähköpostiin. Kutsu toimii vain, kun henkilö on kirjautunut omalla tunnuksellaan.',
    en: 'The address {email} already has an account, so the invitation was sent to its e-mail. It works only while the person is signed in with their own account.',
  },
  'users.resetSent': {
    fi: 'Käyttäjän istunnot päätettiin, ja uuden salasanan linkki lähetettiin hänen sähköpostiinsa {email}.',
    en: 'The user’s sessions were ended, and a link to set a new password was sent to their e-mail {email}.',
  },
} as const;

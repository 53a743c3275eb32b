/**
 * Short everyday threads that fill each inbox past its hand-written ones:
 * templates with placeholders, filled from a seeded PRNG so the demo is the
 * same on every start.
 */
export interface FillerContact {
  name: string
  phone: string
  /** Languages this contact writes in besides English, so a Spanish template goes to a Spanish speaker. */
  speaks?: string[]
}

/** A filler thread; `lang` (when not English) picks a contact who speaks it. */
export interface FillerTemplate {
  lang?: string
  lines: string[]
}

/** Plausible international contacts; a few have no name (clients show the number). */
export const FILLER_CONTACTS: FillerContact[] = [
  { name: 'Aditya Verma', phone: '+919812345670' },
  { name: 'Beatriz Gómez', phone: '+5491123456789', speaks: ['es'] },
  { name: 'Chloé Bernard', phone: '+33712345678', speaks: ['fr'] },
  { name: 'David Okonkwo', phone: '+2348121234567' },
  { name: 'Elena Popescu', phone: '+40721234567' },
  { name: 'Farhan Rahman', phone: '+8801712345678' },
  { name: 'Hannah Becker', phone: '+4915223456789', speaks: ['de'] },
  { name: '', phone: '+447911123456' },
  { name: 'Isabella Moretti', phone: '+393331234567' },
  { name: 'Jakub Novák', phone: '+420601234567', speaks: ['de'] },
  { name: 'Kaito Suzuki', phone: '+817012345678' },
  { name: 'Layla Hassan', phone: '+201001234567' },
  { name: 'Mateo Fernández', phone: '+525512345678', speaks: ['es'] },
  { name: 'Nadia Kowalczyk', phone: '+48512345678' },
  { name: '', phone: '+12135550187' },
  { name: 'Oliver Smith', phone: '+61423456789' },
  { name: 'Paula Jiménez', phone: '+573001234567', speaks: ['es'] },
  { name: 'Quentin Lefèvre', phone: '+32470123456', speaks: ['fr'] },
  { name: 'Rania Khalil', phone: '+96170123456' },
  { name: 'Siddharth Rao', phone: '+917012345678' },
  { name: 'Tamar Azoulay', phone: '+972501112233' },
  { name: 'Uchenna Eze', phone: '+2347031234567' },
  { name: 'Valentina Cruz', phone: '+56912345678', speaks: ['es'] },
  { name: '', phone: '+4917612345678' },
  { name: 'William Chen', phone: '+16045550134' },
  { name: 'Ximena Torres', phone: '+51987654321', speaks: ['es'] },
  { name: 'Yasmin Farouk', phone: '+966501234567' },
  { name: 'Zoltán Kovács', phone: '+36301234567' },
  { name: 'Aroha Ngata', phone: '+64211234567' },
  { name: 'Bilal Qureshi', phone: '+923001234567' },
  { name: 'Chiara Esposito', phone: '+393491234567' },
  { name: 'Dong-hyun Kim', phone: '+821098765432' },
  { name: 'Esra Demir', phone: '+905551234567' },
  { name: 'Felipe Souza', phone: '+5531987654321' },
  { name: '', phone: '+6281234567890' },
  { name: 'Ingrid Johansen', phone: '+4791234567' },
  { name: 'Jamal Wright', phone: '+17185550166' },
  { name: 'Leilani Kahale', phone: '+18085550129' },
  { name: 'Mariam Tadesse', phone: '+251911234567' },
  { name: 'Niamh Walsh', phone: '+353861234567' },
]

export const ACME_FILLERS: FillerTemplate[] = [
  {
    lines: [
      '> Hi, where is my order {order}?',
      '< Hi {first}! It shipped yesterday and should arrive {day}.',
      '> Great, thanks!',
    ],
  },
  { lines: ['> Do you still have the {product} in stock?', '< Yes! Order before 3pm and it ships today 📦'] },
  {
    lines: [
      '> My {product} stopped working after a week 😞',
      '< Sorry to hear that, {first}. I opened a warranty case and emailed you a prepaid return label.',
      '> Received, thanks',
    ],
  },
  {
    lines: [
      '> Can I get an invoice with my company VAT number for {order}?',
      '< Of course — reply with the VAT number and company name.',
      '> DE298765432, Nordlicht GmbH',
      '< Done, the corrected invoice is in your inbox.',
    ],
  },
  {
    lang: 'es',
    lines: ['> Hola, ¿cuánto tarda el envío a Canarias?', '< ¡Hola! Entre 5 y 7 días laborables, sin coste extra.'],
  },
  {
    lines: [
      '> The courier left my parcel outside in the rain 🌧️ the box is soaked',
      '< Oh no! Is the {product} itself OK?',
      '> Seems fine, just annoyed',
      '< Understood. I have reported the driver and added a 10% voucher to your account.',
    ],
  },
  {
    lines: [
      '> Has my refund for {order} been processed?',
      '< Yes, {amount} was refunded today. Allow 3–5 working days for it to show.',
    ],
  },
  {
    lang: 'fr',
    lines: ['> Bonjour, puis-je payer en 3 fois ?', '< Bonjour ! Oui, avec Klarna au moment du paiement 👍'],
  },
  {
    lines: [
      '> Is there a discount if I buy two {product}s?',
      '< Not at the moment, but the code DUO5 gives 5% off on any two items.',
    ],
  },
  {
    lines: [
      '> hi. wrong item in {order}. ordered {product}, got a toaster??',
      '< Hi {first}, so sorry! The right one ships today; keep the toaster or we collect it, your choice.',
    ],
  },
  {
    lang: 'de',
    lines: [
      '> Guten Tag, liefern Sie auch nach Österreich?',
      '< Guten Tag! Ja, nach Österreich liefern wir in 2–4 Werktagen.',
    ],
  },
  {
    lines: [
      '> Can I change the delivery slot for {order} to the evening?',
      '< Done — {day}, between 18:00 and 21:00 🚚',
    ],
  },
  { lines: ['> Thanks for the quick help yesterday! The {product} works perfectly ⭐⭐⭐⭐⭐'] },
  {
    lines: [
      '> Do you price-match? Found the {product} {amount} cheaper elsewhere',
      '< We do for the retailers listed at https://acme-shop.example/price-match — which shop was it?',
    ],
  },
]

export const GLOBEX_FILLERS: FillerTemplate[] = [
  {
    lines: [
      '> Hi, I need to reschedule my appointment {day}',
      '< Sure, {first}! How about {day2} at {time}?',
      '> Perfect, thank you',
    ],
  },
  { lines: ['> Is my prescription ready for pick-up?', '< Yes, it is ready at the {clinic} pharmacy until 7pm.'] },
  {
    lines: [
      '< Reminder: your appointment with Dr. {doctor} is {day} at {time}. Reply C to confirm or R to reschedule.',
      '> C',
      '< Thank you, see you then!',
    ],
  },
  { lines: ['> Do you accept {insurer}?', '< Yes, all our clinics are in network with {insurer}.'] },
  {
    lines: [
      '> Can I get a copy of my vaccination record?',
      '< Of course — it is in the patient portal under Documents → Immunisations.',
    ],
  },
  {
    lang: 'es',
    lines: ['> Hola, ¿tienen pediatra los sábados?', '< ¡Hola! Sí, de 9:00 a 13:00 en la clínica {clinic}.'],
  },
  {
    lines: [
      '> The driver left my medication with the wrong neighbour 😟',
      '< I am so sorry, {first}! I reached the driver, he is going back to collect it now.',
      '> ok thanks, please hurry',
    ],
  },
  {
    lines: [
      '> How much is a blood test without insurance?',
      '< A standard panel is {amount}. Results within 48 hours.',
    ],
  },
  {
    lang: 'fr',
    lines: [
      '> Bonjour, faut-il une ordonnance pour un vaccin contre la grippe ?',
      '< Bonjour ! Non, pas besoin, c’est sans rendez-vous.',
    ],
  },
  {
    lines: ['> Can my husband pick up my prescription for me?', '< Yes, he just needs his ID and your date of birth.'],
  },
  {
    lines: [
      '> Running 10 minutes late for my {time} appointment, sorry!',
      '< No problem, {first}, we will let Dr. {doctor} know.',
    ],
  },
  {
    lines: [
      '> Is parking free at the {clinic} clinic?',
      '< The first 2 hours are free for patients — ask reception to validate your ticket 🅿️',
    ],
  },
  {
    lines: [
      '> I was overcharged {amount} on my last bill',
      '< Let me check… you are right, a refund of {amount} is on its way. Apologies!',
    ],
  },
  { lines: ['> Thank you Dr. {doctor} and the whole team for today 🙏'] },
]

export const FILL_VALUES = {
  product: [
    'air fryer',
    'robot vacuum',
    'espresso machine',
    'Bluetooth speaker',
    'electric toothbrush',
    '4K monitor',
    'hair dryer',
    'smartwatch',
  ],
  day: ['tomorrow', 'on Monday', 'on Tuesday', 'on Thursday', 'on Friday'],
  day2: ['Wednesday', 'Thursday', 'next Monday', 'Friday'],
  time: ['9:15', '10:30', '11:45', '14:00', '16:20'],
  amount: ['€24.90', '$39.00', '£12.50', '€85.00', '$120.00'],
  clinic: ['Downtown', 'Riverside', 'Centro', 'Northgate'],
  doctor: ['Patel', 'Okafor', 'Marchand', 'Lindqvist', 'Haddad'],
  insurer: ['Aetna', 'Allianz Care', 'Bupa', 'Cigna'],
} as const

import { currencyCodes } from "../../../src/money/currency.ts";

/** Where each currency is the usual one: the regions most owners come from. */
const regionsByCurrency: Record<string, string> = {
  USD: "US",
  CAD: "CA",
  MXN: "MX",
  BRL: "BR",
  ARS: "AR",
  CLP: "CL",
  COP: "CO",
  PEN: "PE",
  GBP: "GB",
  EUR: "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK",
  CHF: "CH LI",
  SEK: "SE",
  NOK: "NO",
  DKK: "DK",
  PLN: "PL",
  CZK: "CZ",
  HUF: "HU",
  RON: "RO",
  UAH: "UA",
  TRY: "TR",
  ILS: "IL",
  AED: "AE",
  SAR: "SA",
  EGP: "EG",
  NGN: "NG",
  KES: "KE",
  ZAR: "ZA",
  INR: "IN",
  PKR: "PK",
  BDT: "BD",
  CNY: "CN",
  HKD: "HK",
  TWD: "TW",
  JPY: "JP",
  KRW: "KR",
  SGD: "SG",
  MYR: "MY",
  THB: "TH",
  VND: "VN",
  IDR: "ID",
  PHP: "PH",
  AUD: "AU",
  NZD: "NZ",
};

function currencyOfRegion(region: string): string | undefined {
  return Object.keys(regionsByCurrency).find((currency) =>
    regionsByCurrency[currency]?.split(" ").includes(region),
  );
}

/** The browser's region's currency when we know it, otherwise US dollars. */
export function defaultCurrency(): string {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    const currency = region ? currencyOfRegion(region) : undefined;
    if (currency && currencyCodes().includes(currency)) return currency;
  } catch {
    // An unusual locale tag: fall through to the default.
  }
  return "USD";
}

/** The time zone this browser is in. */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

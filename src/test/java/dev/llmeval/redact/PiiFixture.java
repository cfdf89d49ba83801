package dev.llmeval.redact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The synthetic PII fixture: support-chat and ticket texts written from hand-made templates, with
 * personal data planted at known places (e-mails, phones, cards, IBANs, IP addresses, keys) and
 * look-alikes that must survive (dates, order numbers, versions, prices, ISBNs, tracking numbers,
 * times, hashes, UUIDs, SKUs...). Seeded, so every run produces the same texts.
 *
 * <p>Planted phone numbers are drawn from hand-written number plans of five countries and kept
 * only when libphonenumber says the number exists ({@code isValidNumber}): a phone number that no
 * plan allows is not personal data. Everything else is made here without the detectors.
 */
final class PiiFixture {

    /** A planted value: its kind ({@code NONE} for a look-alike) and where it is in the text. */
    record Planted(String kind, String value, int start, int end) {}

    record Doc(String text, List<Planted> planted) {}

    static final List<String> KINDS = List.of("EMAIL", "PHONE", "CARD", "IBAN", "IP", "KEY");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Random random;

    PiiFixture(long seed) {
        this.random = new Random(seed);
    }

    /** Texts until every kind has at least {@code perKind} planted values. */
    List<Doc> generate(int perKind) {
        List<Doc> docs = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(k -> counts.put(k, 0));
        while (counts.values().stream().anyMatch(n -> n < perKind)) {
            Doc doc = doc();
            doc.planted().forEach(p -> counts.computeIfPresent(p.kind(), (k, n) -> n + 1));
            docs.add(doc);
        }
        return docs;
    }

    private static final String[] TEMPLATES = {
        "Hi, I can't log in since {DATE}. My account e-mail is {EMAIL} and you can call me on {PHONE}. Order {ORDER} is stuck.",
        "Please refund the {PRICE} charged on {DATE} to my card {CARD}; the invoice number is {ORDER}.",
        "The transfer to IBAN {IBAN} (reference {ORDER}) has not arrived, it was {PRICE}.",
        "Our gateway at {IP} returns 502 since we upgraded to {VERSION}. Contact {EMAIL} if you need logs.",
        "I pasted the key {KEY} into config.yaml as the docs for {VERSION} say, but requests still fail at {TIME}.",
        "Customer {EMAIL} wrote: my new number is {PHONE}, please update the delivery for tracking {TRACKING}.",
        "Card on file ending in the full number {CARD} expired; new billing contact {PHONE}. Bought the book {ISBN}.",
        "Server log: {TIME} connection from {IP} rejected (token {KEY}), build {VERSION}, request {UUID}.",
        "Wire the {PRICE} to {IBAN}, BIC given separately, and send the receipt to {EMAIL} before {DATE}.",
        "Ticket {TICKET}: user reports that {IP} and {IP} both resolve to the old host; commit {SHA} is deployed.",
        "Can you check why my payment with {CARD} for {SKU} failed? Tracking {TRACKING}, ordered {DATE}.",
        "Support call from {PHONE} at {TIME} about order {ORDER}; caller confirmed IBAN {IBAN}.",
        "Export job {UUID} used credentials {KEY} and wrote to {PATH}; it ran {DATE} at {TIME}.",
        "Reach me at {EMAIL} or {PHONE}. I'm on plan {SKU} since {DATE}, version {VERSION}.",
        "The webhook from {IP} carried an Authorization header with {KEY}; see {URL} for the payload.",
        "Ship {QTY} to the warehouse, PO {ORDER}, total {PRICE}; questions to {EMAIL}.",
        "I typed {CARD} and the form said invalid, although it worked on {DATE}. Price shown was {PRICE}.",
        "New hire setup: laptop {SKU}, VPN address {IP}, phone {PHONE}, mailbox {EMAIL}.",
        "Salary goes to {IBAN}; the old account was closed on {DATE}. My employee ticket is {TICKET}.",
        "Rotate {KEY} now: it was committed in {SHA} and pushed at {TIME} on {DATE}.",
    };

    private Doc doc() {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        StringBuilder text = new StringBuilder();
        List<Planted> planted = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                text.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            text.append(template, at, open);
            String slot = template.substring(open + 1, close);
            String value = value(slot);
            int start = text.length();
            text.append(value);
            planted.add(new Planted(KINDS.contains(slot) ? slot : "NONE", value, start, text.length()));
            at = close + 1;
        }
        return new Doc(text.toString(), planted);
    }

    private String value(String slot) {
        return switch (slot) {
            case "EMAIL" -> email();
            case "PHONE" -> phone();
            case "CARD" -> card();
            case "IBAN" -> iban();
            case "IP" -> random.nextInt(4) == 0 ? ipv6() : ipv4();
            case "KEY" -> key();
            case "DATE" -> pick(() -> String.format(Locale.ROOT, "%d-%02d-%02d", 2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    () -> String.format(Locale.ROOT, "%02d.%02d.%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2019 + random.nextInt(7)),
                    () -> String.format(Locale.ROOT, "%02d/%02d/%d", 1 + random.nextInt(12), 1 + random.nextInt(28), 2019 + random.nextInt(7)),
                    () -> pickOf("March", "July", "October", "January") + " " + (1 + random.nextInt(28)) + ", " + (2019 + random.nextInt(7)));
            case "ORDER" -> pick(() -> "ORD-" + (2019 + random.nextInt(7)) + "-" + digits(6),
                    () -> "#A" + digits(2) + "-" + digits(5), () -> digits(9), () -> "INV-" + digits(8),
                    () -> "PO" + digits(10));
            case "VERSION" -> pick(() -> "v" + random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10),
                    () -> random.nextInt(4) + "." + random.nextInt(15) + "." + random.nextInt(10) + "-rc." + random.nextInt(5),
                    () -> "version " + random.nextInt(10) + "." + random.nextInt(10) + "." + random.nextInt(10) + "." + random.nextInt(100),
                    () -> "10.0." + (17000 + random.nextInt(5000)) + "." + random.nextInt(4000));
            case "PRICE" -> pick(() -> String.format(Locale.ROOT, "$%,d.%02d", random.nextInt(5000), random.nextInt(100)),
                    () -> String.format(Locale.ROOT, "€%d.%02d", random.nextInt(900), random.nextInt(100)),
                    () -> String.format(Locale.GERMANY, "%,d,%02d EUR", 1000 + random.nextInt(90000), random.nextInt(100)),
                    () -> String.format(Locale.ROOT, "£%d", 5 + random.nextInt(2000)));
            case "TIME" -> String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            case "TRACKING" -> pick(() -> "1Z" + alnumUpper(6) + digits(10), () -> "9400 1" + digits(3) + " " + digits(4) + " " + digits(4) + " " + digits(4) + " " + digits(2),
                    () -> digits(12), () -> "JJD" + digits(18));
            case "ISBN" -> pick(() -> "978-" + random.nextInt(10) + "-" + digits(2) + "-" + digits(6) + "-" + random.nextInt(10),
                    () -> "ISBN " + random.nextInt(10) + "-" + digits(3) + "-" + digits(5) + "-" + random.nextInt(10), () -> "979" + digits(10));
            case "UUID" -> java.util.UUID.nameUUIDFromBytes(digits(12).getBytes(StandardCharsets.UTF_8)).toString();
            case "SHA" -> hex(40);
            case "TICKET" -> pickOf("JIRA", "SUP", "OPS", "HR") + "-" + (100 + random.nextInt(99900));
            case "SKU" -> "SKU-" + digits(2) + "-" + digits(4) + "-" + pickOf("XL", "M", "PRO", "BASIC");
            case "PATH" -> "/var/lib/export/" + pickOf("daily", "weekly") + "/" + digits(8) + "/part-" + digits(5) + ".parquet";
            case "URL" -> "https://docs.example.org/webhooks/" + pickOf("payload", "retries", "signing") + "#section-" + random.nextInt(9);
            case "QTY" -> String.format(Locale.ROOT, "%,d units", 100 + random.nextInt(20000));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    private static final String[] FIRST = {"anna", "james", "li", "maria", "oleksandr", "fatima", "john", "sofia", "noah", "priya", "lukas", "chloe"};
    private static final String[] LAST = {"smith", "garcia", "nguyen", "müller", "kowalski", "okafor", "tanaka", "rossi", "dubois", "patel", "olsen", "brown"};
    private static final String[] DOMAINS = {"gmail.com", "outlook.com", "example-corp.com", "mail.de", "acme.co.uk", "uni-hamburg.de", "startup.io", "yahoo.fr", "company.org", "proton.me"};

    private String email() {
        String first = pickOf(FIRST);
        String last = pickOf(LAST).replace("ü", "ue");
        String local = switch (random.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + random.nextInt(100);
            case 2 -> first + "_" + last + "+support";
            case 3 -> first.toUpperCase(Locale.ROOT) + "." + last;
            default -> last + "-" + first;
        };
        String domain = random.nextInt(6) == 0 ? pickOf("sales", "eu", "mail") + "." + pickOf(DOMAINS) : pickOf(DOMAINS);
        return local + "@" + domain;
    }

    private String phone() {
        for (int attempt = 0; ; attempt++) {
            String region = pickOf("US", "GB", "DE", "FR", "IN");
            String national;
            String written;
            switch (region) {
                case "US" -> {
                    String area = pickOf("212", "310", "415", "617", "312", "206", "512", "303", "404", "702");
                    String exchange = (2 + random.nextInt(8)) + digits(2);
                    String line = digits(4);
                    national = area + exchange + line;
                    written = switch (random.nextInt(6)) {
                        case 5 -> area + exchange + line;
                        case 0 -> "(" + area + ") " + exchange + "-" + line;
                        case 1 -> area + "-" + exchange + "-" + line;
                        case 2 -> area + "." + exchange + "." + line;
                        case 3 -> "+1 " + area + " " + exchange + " " + line;
                        default -> "+1-" + area + "-" + exchange + "-" + line;
                    };
                }
                case "GB" -> {
                    boolean mobile = random.nextBoolean();
                    String rest = mobile ? "7" + (4 + random.nextInt(6)) + digits(8) : "20" + (7 + random.nextInt(2)) + digits(7);
                    national = rest;
                    written = mobile
                            ? (random.nextBoolean() ? "0" + rest.substring(0, 4) + " " + rest.substring(4) : "+44 " + rest.substring(0, 4) + " " + rest.substring(4))
                            : (random.nextBoolean() ? "0" + rest.substring(0, 2) + " " + rest.substring(2, 6) + " " + rest.substring(6) : "+44 " + rest.substring(0, 2) + " " + rest.substring(2, 6) + " " + rest.substring(6));
                }
                case "DE" -> {
                    boolean mobile = random.nextBoolean();
                    String rest = mobile ? "15" + (1 + random.nextInt(9)) + digits(8) : "30" + (1 + random.nextInt(9)) + digits(7);
                    national = rest;
                    written = mobile
                            ? (random.nextBoolean() ? "0" + rest.substring(0, 3) + " " + rest.substring(3) : "+49 " + rest.substring(0, 3) + " " + rest.substring(3))
                            : (random.nextBoolean() ? "0" + rest.substring(0, 2) + " " + rest.substring(2) : "+49 " + rest.substring(0, 2) + " " + rest.substring(2));
                }
                case "FR" -> {
                    String rest = pickOf("1", "6", "7", "4") + digits(8);
                    national = rest;
                    String spaced = rest.charAt(0) + " " + rest.substring(1, 3) + " " + rest.substring(3, 5) + " " + rest.substring(5, 7) + " " + rest.substring(7);
                    written = random.nextBoolean() ? "0" + spaced : "+33 " + spaced;
                }
                default -> {
                    String rest = pickOf("98", "97", "91", "81", "70") + digits(8);
                    national = rest;
                    written = random.nextBoolean() ? "+91 " + rest.substring(0, 5) + " " + rest.substring(5) : "+91-" + rest;
                }
            }
            try {
                Phonenumber.PhoneNumber number = PHONES.parse(national, region);
                if (PHONES.isValidNumber(number)) {
                    return written;
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // draw again
            }
            if (attempt > 1000) {
                throw new IllegalStateException("no valid phone number drawn");
            }
        }
    }

    private String card() {
        String[] prefixes = {"4", "4", "51", "53", "55", "2221", "37", "34", "6011", "65", "3530", "36"};
        String prefix = pickOf(prefixes);
        int length = prefix.startsWith("3") && (prefix.equals("37") || prefix.equals("34")) ? 15 : prefix.equals("36") ? 14 : 16;
        String body = prefix + digits(length - prefix.length() - 1);
        String number = body + luhnDigit(body);
        return switch (random.nextInt(3)) {
            case 0 -> number;
            case 1 -> groups(number, length == 15 ? new int[] {4, 6, 5} : length == 14 ? new int[] {4, 6, 4} : new int[] {4, 4, 4, 4}, " ");
            default -> groups(number, length == 15 ? new int[] {4, 6, 5} : length == 14 ? new int[] {4, 6, 4} : new int[] {4, 4, 4, 4}, "-");
        };
    }

    private String iban() {
        String country = pickOf("DE", "GB", "FR", "NL", "ES", "IT", "CH", "BE", "AT", "PL");
        String bban = switch (country) {
            case "DE" -> digits(18);
            case "GB" -> pickOf("NWBK", "BARC", "LOYD", "MIDL") + digits(14);
            case "FR" -> digits(10) + alnumUpper(11) + digits(2);
            case "NL" -> pickOf("ABNA", "INGB", "RABO") + digits(10);
            case "ES" -> digits(20);
            case "IT" -> alnumUpper(1).replaceAll("[0-9]", "X") + digits(10) + alnumUpper(12);
            case "CH" -> digits(17);
            case "BE" -> digits(12);
            case "AT" -> digits(16);
            default -> digits(24);
        };
        String check = ibanCheck(country, bban);
        String iban = country + check + bban;
        return random.nextBoolean() ? iban : groups(iban, null, " ");
    }

    private String ipv4() {
        return (1 + random.nextInt(222)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String ipv6() {
        return switch (random.nextInt(3)) {
            case 0 -> "2001:db8:" + hex(4) + ":" + hex(4) + "::" + hex(3);
            case 1 -> "fe80::" + hex(4) + ":" + hex(4) + ":" + hex(4) + ":" + hex(4);
            default -> String.join(":", hex(4), hex(4), hex(4), hex(4), hex(4), hex(4), hex(4), hex(4));
        };
    }

    private String key() {
        return switch (random.nextInt(9)) {
            case 0 -> "sk-proj-" + base62(48);
            case 1 -> "ghp_" + base62(36);
            case 2 -> "AKIA" + alnumUpper(16);
            case 3 -> "AIza" + base62(35);
            case 4 -> "xoxb-" + digits(12) + "-" + digits(12) + "-" + base62(24);
            case 5 -> "sk_live_" + base62(24);
            case 6 -> jwt();
            case 7 -> "glpat-" + base62(20);
            default -> base62(32 + random.nextInt(9));
        };
    }

    private String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + digits(8) + "\",\"name\":\"" + pickOf(FIRST) + "\",\"iat\":" + (1700000000 + random.nextInt(50000000)) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[32];
        random.nextBytes(sig);
        return header + "." + payload + "." + b64.encodeToString(sig);
    }

    static String luhnDigit(String body) {
        for (int d = 0; d <= 9; d++) {
            if (Luhn.valid(body + d)) {
                return String.valueOf(d);
            }
        }
        throw new IllegalStateException();
    }

    static String ibanCheck(String country, String bban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    private static String groups(String s, int[] sizes, String sep) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        int g = 0;
        while (at < s.length()) {
            int size = sizes == null ? 4 : sizes[Math.min(g, sizes.length - 1)];
            if (out.length() > 0) {
                out.append(sep);
            }
            out.append(s, at, Math.min(s.length(), at + size));
            at += size;
            g++;
        }
        return out.toString();
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String hex(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    private String alnumUpper(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(random.nextInt(36)));
        }
        return out.toString();
    }

    private String base62(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    private String pick(Supplier<String>... options) {
        return options[random.nextInt(options.length)].get();
    }

    private String pickOf(String... options) {
        return options[random.nextInt(options.length)];
    }
}

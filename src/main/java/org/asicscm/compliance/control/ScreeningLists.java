package org.asicscm.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.asicscm.compliance.entity.ListedParty;
import org.asicscm.compliance.entity.ScreeningList;
import org.asicscm.platform.InvalidInputException;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;

/**
 * Restricted-party lists loaded from files in a consolidated-list CSV layout (docs/screening.md).
 * A file is checked whole before anything is written: one bad row refuses it, naming the row, and
 * the list in force stays in force.
 */
@Stateless
public class ScreeningLists {
    /** The columns of the file, in this order, under a header row naming them. */
    public static final List<String> COLUMNS = List.of("name", "alternate_names", "addresses", "country", "source");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A row as read from the file, checked. */
    record Row(int number, String name, String alternateNames, String addresses, String country, String source) {}

    public ScreeningList load(String version, String fileName, String csv, String actor) {
        List<Row> rows = parse(csv);
        boolean taken = !em.createQuery("select l.id from ScreeningList l where l.version = :version", String.class)
                .setParameter("version", version)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new RuleViolationException(
                    "duplicate-list-version",
                    "version",
                    "a screening list of version " + version + " is loaded already");
        }
        em.createNamedQuery(ScreeningList.IN_FORCE, ScreeningList.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(ScreeningList::supersede);
        var list = new ScreeningList(version, fileName, sha256(csv), rows.size(), actor, now());
        em.persist(list);
        // the list's row first: its entries refer to it, and EclipseLink does not order unrelated inserts
        em.flush();
        for (Row row : rows) {
            em.persist(new ListedParty(
                    list.id(),
                    row.number(),
                    row.name(),
                    row.alternateNames(),
                    row.addresses(),
                    row.country(),
                    row.source()));
        }
        return list;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ScreeningList> inForce() {
        return em.createNamedQuery(ScreeningList.IN_FORCE, ScreeningList.class).getResultList().stream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ScreeningList> all() {
        return em.createNamedQuery(ScreeningList.ALL, ScreeningList.class).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ScreeningList list(String id) {
        ScreeningList list = em.find(ScreeningList.class, id);
        if (list == null) {
            throw new UnknownEntityException("screening list", id);
        }
        return list;
    }

    /** Every row of the file, checked; the first bad one refuses the file as 400 naming row[N] (N from 1). */
    static List<Row> parse(String csv) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        var rows = new ArrayList<Row>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.equals(COLUMNS)) {
                throw new InvalidInputException(
                        "header",
                        "the first line must name the columns " + String.join(",", COLUMNS) + "; it has "
                                + String.join(",", header));
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidInputException(
                            "row[" + (rows.size() + 1) + "]", "is not well-formed CSV: " + e.getMessage());
                }
                rows.add(row(rows.size() + 1, record));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("header", "is not well-formed CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("body", "the file lists no parties");
        }
        return rows;
    }

    private static Row row(int number, CSVRecord record) {
        String at = "row[" + number + "]";
        if (record.size() != COLUMNS.size()) {
            throw new InvalidInputException(
                    at,
                    "has " + record.size() + " fields, the header " + COLUMNS.size() + " (line "
                            + record.getParser().getCurrentLineNumber() + ")");
        }
        String name = record.get(0).strip();
        String alternates = blankToNull(record.get(1));
        String addresses = blankToNull(record.get(2));
        String country = blankToNull(record.get(3));
        String source = record.get(4).strip();
        require(at + ".name", name, 300);
        if (PartyNames.tokens(name).length == 0) {
            throw new InvalidInputException(at + ".name", "has no letters or digits besides legal forms");
        }
        if (alternates != null && alternates.length() > 2000) {
            throw new InvalidInputException(at + ".alternate_names", "must be at most 2000 characters");
        }
        if (addresses != null && addresses.length() > 2000) {
            throw new InvalidInputException(at + ".addresses", "must be at most 2000 characters");
        }
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidInputException(
                    at + ".country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
        require(at + ".source", source, 120);
        return new Row(number, name, alternates, addresses, country, source);
    }

    private static void require(String field, String value, int longest) {
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.length() > longest) {
            throw new InvalidInputException(field, "must be at most " + longest + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package io.loyaltyhub.plugins.affiliates;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Country, region and city of an address from a MaxMind GeoIP2 or GeoLite2 City database (the geoip-database
 * setting). The database is opened (memory-mapped) when the setting first names it and again when it changes;
 * without one, or for addresses it does not know (private ranges), everything is unknown.
 */
final class GeoIp {
    private static final Logger LOG = LoggerFactory.getLogger(GeoIp.class);

    record Place(String country, String region, String city) {
        static final Place UNKNOWN = new Place(null, null, null);
    }

    private record Opened(String path, DatabaseReader reader) {
    }

    private volatile Opened opened;

    Place lookup(String databasePath, InetAddress address) {
        if (databasePath == null || databasePath.isBlank() || address == null) {
            return Place.UNKNOWN;
        }
        Optional<DatabaseReader> reader = reader(databasePath);
        if (reader.isEmpty()) {
            return Place.UNKNOWN;
        }
        try {
            Optional<CityResponse> city = reader.get().tryCity(address);
            return city.map(c -> new Place(
                    cut(c.country() == null ? null : c.country().isoCode(), 2),
                    cut(c.mostSpecificSubdivision() == null ? null : c.mostSpecificSubdivision().name(), 100),
                    cut(c.city() == null ? null : c.city().name(), 100))).orElse(Place.UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return Place.UNKNOWN; // e.g. an IPv6 address in an IPv4-only database
        } catch (Exception e) {
            return Place.UNKNOWN;
        }
    }

    private Optional<DatabaseReader> reader(String path) {
        Opened o = opened;
        if (o != null && o.path().equals(path)) {
            return Optional.ofNullable(o.reader());
        }
        synchronized (this) {
            o = opened;
            if (o != null && o.path().equals(path)) {
                return Optional.ofNullable(o.reader());
            }
            DatabaseReader reader = null;
            try {
                reader = new DatabaseReader.Builder(new File(path)).build();
                LOG.info("GeoIP database {} ({})", path, reader.getMetadata().databaseType());
            } catch (IOException | RuntimeException e) {
                LOG.warn("GeoIP database {} cannot be read, locations stay unknown: {}", path, e.toString());
            }
            // the previous reader is not closed: a lookup may still be using it; it is memory-mapped and unmapped when collected
            opened = new Opened(path, reader);
            return Optional.ofNullable(reader);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.isBlank() ? null : s.length() > max ? s.substring(0, max) : s;
    }
}

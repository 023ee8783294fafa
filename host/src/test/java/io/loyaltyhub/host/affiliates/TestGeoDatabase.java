package io.loyaltyhub.host.affiliates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small GeoIP2-City database in the MaxMind DB format (an IPv4 search tree with 24-bit records, the data
 * section, the metadata), so tests resolve addresses to real cities through the real GeoIP2 reader. MaxMind's own
 * test databases live in a repository this machine cannot reach, and Maven Central has no Java writer.
 */
final class TestGeoDatabase {
    record Network(String cidr, String country, String countryName, String region, String city) {
    }

    private TestGeoDatabase() {
    }

    static Path write(Path file, List<Network> networks) throws IOException {
        List<int[]> nodes = new ArrayList<>();
        nodes.add(new int[]{-1, -1}); // -1 empty, -(2+k) the data of network k, >0 a node
        for (int k = 0; k < networks.size(); k++) {
            String[] parts = networks.get(k).cidr().split("/");
            long ip = 0;
            for (String octet : parts[0].split("\\.")) {
                ip = (ip << 8) | Integer.parseInt(octet);
            }
            int length = Integer.parseInt(parts[1]);
            int node = 0;
            for (int i = 0; i < length; i++) {
                int bit = (int) ((ip >>> (31 - i)) & 1);
                if (i == length - 1) {
                    nodes.get(node)[bit] = -(2 + k);
                } else {
                    if (nodes.get(node)[bit] <= 0) {
                        nodes.add(new int[]{-1, -1});
                        nodes.get(node)[bit] = nodes.size() - 1;
                    }
                    node = nodes.get(node)[bit];
                }
            }
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[networks.size()];
        for (int k = 0; k < networks.size(); k++) {
            offsets[k] = data.size();
            Network n = networks.get(k);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("city", Map.of("names", Map.of("en", n.city())));
            record.put("country", Map.of("iso_code", n.country(), "names", Map.of("en", n.countryName())));
            record.put("subdivisions", List.of(Map.of("names", Map.of("en", n.region()))));
            encode(data, record);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] node : nodes) {
            for (int r : node) {
                int value = r == -1 ? nodeCount : r >= 0 ? r : nodeCount + 16 + offsets[-r - 2];
                out.write(value >>> 16);
                out.write(value >>> 8);
                out.write(value);
            }
        }
        out.write(new byte[16]);
        out.write(data.toByteArray());
        out.write(new byte[]{(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new UInt(6, nodeCount));
        metadata.put("record_size", new UInt(5, 24));
        metadata.put("ip_version", new UInt(5, 4));
        metadata.put("database_type", "GeoIP2-City");
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", new UInt(5, 2));
        metadata.put("binary_format_minor_version", new UInt(5, 0));
        metadata.put("build_epoch", new UInt(9, 1_700_000_000L));
        metadata.put("description", Map.of("en", "loyaltyhub test database"));
        encode(out, metadata);
        return Files.write(file, out.toByteArray());
    }

    /** An unsigned integer of the given MaxMind DB type: 5 uint16, 6 uint32, 9 uint64. */
    private record UInt(int type, long value) {
    }

    private static void encode(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                control(out, 2, b.length);
                out.writeBytes(b);
            }
            case UInt u -> {
                int bytes = 0;
                for (long v = u.value(); v != 0; v >>>= 8) {
                    bytes++;
                }
                control(out, u.type(), bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write((int) (u.value() >>> (8 * i)));
                }
            }
            case Map<?, ?> m -> {
                control(out, 7, m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    encode(out, e.getKey());
                    encode(out, e.getValue());
                }
            }
            case List<?> l -> {
                control(out, 11, l.size());
                for (Object o : l) {
                    encode(out, o);
                }
            }
            default -> throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    /** Control byte (type in the top 3 bits, 0 and an extra byte for types above 7) and the size. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        if (size >= 285) {
            throw new IllegalArgumentException("sizes above 284 are not needed here");
        }
        int sizeBits = size < 29 ? size : 29;
        out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (size >= 29) {
            out.write(size - 29);
        }
    }
}

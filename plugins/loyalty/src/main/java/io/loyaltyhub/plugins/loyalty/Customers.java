package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.Kid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Customer and kid rows. */
final class Customers {
    private Customers() {
    }

    static final String COLUMNS = "id, mobile, name, birth_month, birth_day, birth_year, language, status, tier_code, "
            + "consent_at, consent_source, joined_at, marketing_at";

    static Optional<Customer> byId(SqlRunner sql, long id) {
        return sql.one("SELECT " + COLUMNS + " FROM loyalty_customer WHERE id = ?", Customers::customer, id)
                .map(c -> withKids(sql, c));
    }

    static Optional<Customer> byMobile(SqlRunner sql, String e164) {
        return sql.one("SELECT " + COLUMNS + " FROM loyalty_customer WHERE mobile = ?", Customers::customer,
                e164).map(c -> withKids(sql, c));
    }

    static Customer withKids(SqlRunner sql, Customer c) {
        List<Kid> kids = sql.query("SELECT id, name, birth_month, birth_day, birth_year FROM loyalty_kid "
                        + "WHERE customer_id = ? ORDER BY id",
                rs -> new Kid(rs.getLong(1), rs.getString(2), new Birthday(rs.getInt(3), rs.getInt(4),
                        (Integer) rs.getObject(5, Integer.class))), c.id());
        return new Customer(c.id(), c.mobile(), c.name(), c.birthday(), c.language(), c.status(), c.tier(),
                c.consentAt(), c.consentSource(), c.joinedAt(), kids, c.marketingAt());
    }

    /** A customer row without kids ({@link #withKids} adds them). */
    static Customer customer(ResultSet rs) throws SQLException {
        Integer month = rs.getObject("birth_month", Integer.class);
        Birthday birthday = month == null ? null
                : new Birthday(month, rs.getInt("birth_day"), rs.getObject("birth_year", Integer.class));
        return new Customer(rs.getLong("id"), rs.getString("mobile"), rs.getString("name"), birthday,
                rs.getString("language"), CustomerStatus.valueOf(rs.getString("status")), rs.getString("tier_code"),
                SqlRunner.instant(rs, "consent_at"), rs.getString("consent_source"), SqlRunner.instant(rs, "joined_at"), List.of(),
                SqlRunner.instant(rs, "marketing_at"));
    }
}

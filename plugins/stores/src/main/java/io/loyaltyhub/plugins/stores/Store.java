package io.loyaltyhub.plugins.stores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "stores_store")
public class Store {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 120)
    private String city;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Store() {
    }

    Store(String code, String name, String city, String timeZone, Instant now) {
        this.code = code;
        this.name = name;
        this.city = city;
        this.timeZone = timeZone;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, String city, String timeZone, boolean active, Instant now) {
        this.name = name;
        this.city = city;
        this.timeZone = timeZone;
        this.active = active;
        this.updatedAt = now;
    }

    StoreView view() {
        return new StoreView(id, code, name, city, timeZone, active);
    }

    String code() {
        return code;
    }
}

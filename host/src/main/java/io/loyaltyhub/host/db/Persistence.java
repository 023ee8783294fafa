package io.loyaltyhub.host.db;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import javax.sql.DataSource;
import java.util.Collection;

/**
 * The one Hibernate SessionFactory, holding the entity classes of every started plugin. Entities
 * live in plugin jars, so each plugin's class loader is applied to the bootstrap registry. It is
 * rebuilt when the set of started plugins changes. Tables come from migrations only: no DDL here.
 */
public final class Persistence implements AutoCloseable {
    private final DataSource dataSource;
    private volatile SessionFactory sessionFactory;

    public Persistence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public synchronized void rebuild(Collection<Class<?>> entityClasses, Collection<ClassLoader> classLoaders) {
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        classLoaders.forEach(bootstrap::applyClassLoader);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.SHOW_SQL, "false")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entityClasses.forEach(sources::addAnnotatedClass);
        SessionFactory next;
        try {
            next = sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
        SessionFactory previous = sessionFactory;
        sessionFactory = next;
        if (previous != null) {
            previous.close();
        }
    }

    /** The current SessionFactory, or null before the plugins are loaded. */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public synchronized void close() {
        if (sessionFactory != null) {
            sessionFactory.close();
            sessionFactory = null;
        }
    }
}

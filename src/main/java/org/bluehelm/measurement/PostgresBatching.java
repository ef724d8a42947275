package org.bluehelm.measurement;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets pgjdbc send a JDBC batch of inserts as multi-row statements ({@code reWriteBatchedInserts}),
 * several times faster for the batches of imports and of rollup maintenance; other databases are
 * left as configured.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatching {

    @Bean
    static BeanPostProcessor postgresBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari
                        && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !hikari.getJdbcUrl().contains("reWriteBatchedInserts")) {
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}

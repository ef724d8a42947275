-- H2: the rollup block functions PostgreSQL defines in PL/pgSQL, as Java methods (see V0050 and
-- org.bluehelm.analytics.RollupArrays).
create alias rollup_lay_numeric for 'org.bluehelm.analytics.RollupArrays.layNumeric';
create alias rollup_lay_count for 'org.bluehelm.analytics.RollupArrays.layCount';
create alias rollup_add_numeric for 'org.bluehelm.analytics.RollupArrays.addNumeric';
create alias rollup_add_count for 'org.bluehelm.analytics.RollupArrays.addCount';

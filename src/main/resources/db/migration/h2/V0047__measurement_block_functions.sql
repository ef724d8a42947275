-- H2: the block functions PostgreSQL defines in PL/pgSQL, as Java methods (see V0046 and
-- org.bluehelm.measurement.BlockArrays).
create alias block_put_numeric for 'org.bluehelm.measurement.BlockArrays.putNumeric';
create alias block_put_integer for 'org.bluehelm.measurement.BlockArrays.putInteger';
create alias block_put_text for 'org.bluehelm.measurement.BlockArrays.putText';
create alias block_put_time for 'org.bluehelm.measurement.BlockArrays.putTime';
create alias block_versions_match for 'org.bluehelm.measurement.BlockArrays.versionsMatch';

"""A local Apache Spark session: the engine of AWS Glue and Amazon EMR jobs, on one machine.

[`session`][mlsguide.spark.session] starts Spark in local mode the first time an example asks for
it and returns the same session afterwards, so all the Spark examples of a page share one Java
process (starting one takes several seconds). It runs two worker threads, without the web UI, and
listens on loopback only, so it works offline. The build stops it when the page's examples are done
([`stop`][mlsguide.spark.stop]), and the tests stop it after each test.

Spark needs a Java runtime, 17 or newer for PySpark 4: `make install` installs one from Debian.
"""

import os
import sys
import warnings

SETTINGS = {
    "spark.ui.enabled": "false",  # no web server on port 4040
    "spark.ui.showConsoleProgress": "false",  # no progress bars in the build log
    "spark.driver.host": "127.0.0.1",  # loopback only: runs offline, no DNS lookup of the host name
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.shuffle.partitions": "4",  # the default, 200, suits a cluster, not two threads
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.sources.partitionOverwriteMode": "dynamic",  # overwrite only the partitions written
}
"""The settings every example's session uses, beside `local[2]` as master."""


def session(app: str = "mlsguide"):
    """The shared local SparkSession: created on first use, the same object afterwards."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else Spark warns it is using loopback
    from pyspark.sql import SparkSession

    # PySpark 4.x warns that it does not yet fully support pandas 3; these examples use none of
    # the conversions in question (the tests would show it).
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    builder = SparkSession.builder.master("local[2]").appName(app)
    for key, value in SETTINGS.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def stop() -> None:
    """Stop the shared session, if one is running; a later `session()` starts a new one."""
    if "pyspark" not in sys.modules:  # nothing imported Spark, so nothing is running
        return
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()

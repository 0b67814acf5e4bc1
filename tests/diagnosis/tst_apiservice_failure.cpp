// SPDX-License-Identifier: GPL-3.0-or-later
// Reading an APIService's Available=False: the reason and the Go error suffix of the message
// name the broken hop (real messages from kubernetes.md §2.2).
#include "models/verdict/VerdictBuilder.h"

#include <QTest>

using namespace unstuck;

class TestApiServiceFailure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("expected");
        QTest::newRow("passed") << "Passed"
                                << "all checks passed" << int(ApiServiceFailure::None);
        QTest::newRow("service gone") << "ServiceNotFound"
                                      << "service/metrics-server in \"kube-system\" is not present"
                                      << int(ApiServiceFailure::NoService);
        QTest::newRow("no endpoints") << "MissingEndpoints"
                                      << "endpoints for service/metrics-server in \"kube-system\" "
                                         "have no addresses with port name \"\""
                                      << int(ApiServiceFailure::NoEndpoints);
        QTest::newRow("endpoints not found") << "EndpointsNotFound"
                                             << "cannot find endpointslices for service/x in \"y\""
                                             << int(ApiServiceFailure::NoEndpoints);
        QTest::newRow("dial timeout") << "FailedDiscoveryCheck"
                                      << "failing or missing response from "
                                         "https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1: Get "
                                         "\"https://172.16.1.12:443/apis/metrics.k8s.io/v1beta1\": "
                                         "dial tcp 172.16.1.12:443: i/o timeout"
                                      << int(ApiServiceFailure::Timeout);
        QTest::newRow("deadline")
            << "FailedDiscoveryCheck"
            << "failing or missing response from "
               "https://10.43.0.1:443/apis/metrics.k8s.io/v1beta1: Get "
               "\"https://10.43.0.1:443/apis/metrics.k8s.io/v1beta1\": context deadline exceeded"
            << int(ApiServiceFailure::Timeout);
        QTest::newRow("client timeout")
            << "FailedDiscoveryCheck"
            << "failing or missing response from "
               "https://10.32.0.9:443/apis/metrics.k8s.io/v1beta1: net/http: request canceled "
               "while waiting for connection (Client.Timeout exceeded while awaiting headers)"
            << int(ApiServiceFailure::Timeout);
        QTest::newRow("no route")
            << "FailedDiscoveryCheck"
            << "no response from https://10.96.0.5:443: Get https://10.96.0.5:443: dial tcp "
               "10.96.0.5:443: connect: no route to host"
            << int(ApiServiceFailure::NoRoute);
        QTest::newRow("refused") << "FailedDiscoveryCheck"
                                 << "failing or missing response from "
                                    "https://172.16.2.21:8443/apis/subresources.kubevirt.io/v1: "
                                    "dial tcp 172.16.2.21:8443: connect: connection refused"
                                 << int(ApiServiceFailure::Refused);
        QTest::newRow("forbidden")
            << "FailedDiscoveryCheck"
            << "bad status from https://10.0.1.197:8443/apis/metrics.k8s.io/v1beta1: 403"
            << int(ApiServiceFailure::Auth);
        QTest::newRow("tls")
            << "FailedDiscoveryCheck"
            << "failing or missing response from https://10.0.0.7:443/apis/x/v1: tls: failed to "
               "verify certificate: x509: certificate signed by unknown authority"
            << int(ApiServiceFailure::Tls);
    }

    void classify()
    {
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(int, expected);
        QCOMPARE(int(classifyApiServiceFailure(reason, message)), expected);
    }
};

QTEST_GUILESS_MAIN(TestApiServiceFailure)
#include "tst_apiservice_failure.moc"

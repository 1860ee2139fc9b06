"""Deep-learning training on Spot Instances through AWS Batch.

Creates a managed AWS Batch compute environment on Spot capacity for GPU instances, a job queue
in front of it, and a job definition that asks for one GPU and retries when Spot reclaims the
host. The set-up creates the network and the roles Batch needs; the last section removes it all.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (the environment scales from 0 vCPUs, so it costs nothing until a job is submitted; the
file creates a VPC and IAM roles, then deletes them).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a VPC with one subnet and security group, the Batch service role and an instance profile
import json

import boto3
from mlsguide import aws

ec2, iam, batch = boto3.client("ec2"), boto3.client("iam"), boto3.client("batch")
vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
group = ec2.create_security_group(GroupName="mlsguide-batch", Description="Batch training",
                                  VpcId=vpc)["GroupId"]
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                  "Principal": {"Service": "batch.amazonaws.com"}}]}
service_role = iam.create_role(RoleName="mlsguide-batch-service",
                               AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
profile = iam.create_instance_profile(
    InstanceProfileName="mlsguide-batch-ecs")["InstanceProfile"]["Arn"]
described = ec2.describe_subnets(SubnetIds=[subnet])["Subnets"][0]
print("subnet", described["CidrBlock"], "| roles:", service_role.split("/")[-1],
      profile.split("/")[-1])
# --8<-- [end:setup]

# --8<-- [start:environment]
batch.create_compute_environment(
    computeEnvironmentName="mlsguide-spot-gpu",
    type="MANAGED",
    serviceRole=service_role,
    computeResources={
        "type": "SPOT",                                     # Spot capacity, not On-Demand
        "allocationStrategy": "SPOT_PRICE_CAPACITY_OPTIMIZED",  # pools least likely to be reclaimed
        "instanceTypes": ["g5", "g6"],                      # several GPU families: more pools
        "minvCpus": 0, "maxvCpus": 64,                      # scales to zero between jobs
        "subnets": [subnet], "securityGroupIds": [group], "instanceRole": profile,
    },
)
batch.create_job_queue(jobQueueName="mlsguide-training", state="ENABLED", priority=1,
                       computeEnvironmentOrder=[{"order": 1,
                                                 "computeEnvironment": "mlsguide-spot-gpu"}])
definition = batch.register_job_definition(
    jobDefinitionName="mlsguide-train-resnet",
    type="container",
    containerProperties={
        "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/mlsguide-train:1",
        "command": ["python", "train.py", "--resume-from", "s3://mlsguide-ckpt/resnet/"],
        "resourceRequirements": [{"type": "GPU", "value": "1"}, {"type": "VCPU", "value": "4"},
                                 {"type": "MEMORY", "value": "15000"}],
    },
    retryStrategy={"attempts": 5, "evaluateOnExit": [
        {"onStatusReason": "Host EC2*", "action": "RETRY"},   # the Spot host was reclaimed
        {"onReason": "*", "action": "EXIT"},                   # a bug: do not retry
    ]},
)
env = batch.describe_compute_environments(
    computeEnvironments=["mlsguide-spot-gpu"])["computeEnvironments"][0]["computeResources"]
print("compute environment:", env["type"], env["allocationStrategy"], env["instanceTypes"],
      f"{env['minvCpus']}-{env['maxvCpus']} vCPUs")
print("job definition:", definition["jobDefinitionName"], "revision", definition["revision"])
assert env["type"] == "SPOT" and env["minvCpus"] == 0
# --8<-- [end:environment]

# --8<-- [start:cleanup]
# Clean-up: disable and delete the queue and the environment, then the roles and the network
import time


def settle(seconds=10):
    """Batch updates resources asynchronously: on AWS, give each change time to finish."""
    time.sleep(seconds if aws.live() else 0)


batch.update_job_queue(jobQueue="mlsguide-training", state="DISABLED")
settle()
batch.delete_job_queue(jobQueue="mlsguide-training")
batch.update_compute_environment(computeEnvironment="mlsguide-spot-gpu", state="DISABLED")
settle(60)
batch.delete_compute_environment(computeEnvironment="mlsguide-spot-gpu")
settle(60)
batch.deregister_job_definition(jobDefinition=definition["jobDefinitionArn"])
iam.delete_instance_profile(InstanceProfileName="mlsguide-batch-ecs")
iam.delete_role(RoleName="mlsguide-batch-service")
ec2.delete_security_group(GroupId=group)
ec2.delete_subnet(SubnetId=subnet)
ec2.delete_vpc(VpcId=vpc)
print("compute environments left:",
      [c["computeEnvironmentName"] for c in batch.describe_compute_environments()
       ["computeEnvironments"]])
# --8<-- [end:cleanup]

"""A self-managed inference fleet on EC2: golden AMI, two AZs, a load balancer, health checks.

When a team serves a model on its own EC2 instances instead of a SageMaker AI endpoint, the
resilience pieces are its own to assemble: an image baked with the model server (a golden AMI),
a launch template, an Auto Scaling group spread over subnets in two Availability Zones, and an
Application Load Balancer whose health checks the group uses to replace broken instances. This
file builds that shape, checks the zones the group can use and adds a target-tracking
policy. The last section deletes it all.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account with MLSGUIDE_AMI_ID set to an AMI of your own (instances and the load balancer are
billed while they exist; the last section deletes them).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a VPC with one subnet in each of two Availability Zones, and the image to launch
import os

import boto3

ec2 = boto3.client("ec2")
elb = boto3.client("elbv2")
autoscaling = boto3.client("autoscaling")
zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]][:2]
vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24", AvailabilityZone=zone)
           ["Subnet"]["SubnetId"] for i, zone in enumerate(zones)]
GOLDEN_AMI = os.environ.get("MLSGUIDE_AMI_ID") or ec2.describe_images()["Images"][0]["ImageId"]
print("zones:", zones)
# --8<-- [end:setup]

# --8<-- [start:fleet]
# The golden image already holds the model server and the model, so a new instance serves
# traffic minutes after launch, with no install step that could fail at 3 a.m.
ec2.create_launch_template(LaunchTemplateName="mlsguide-inference", LaunchTemplateData={
    "ImageId": GOLDEN_AMI, "InstanceType": "c5.xlarge"})
target_group = elb.create_target_group(
    Name="mlsguide-inference", Protocol="HTTP", Port=8080, VpcId=vpc,
    HealthCheckPath="/ping", HealthCheckIntervalSeconds=10, HealthyThresholdCount=2,
    UnhealthyThresholdCount=2)["TargetGroups"][0]["TargetGroupArn"]
balancer = elb.create_load_balancer(Name="mlsguide-inference", Subnets=subnets,
                                    Scheme="internal", Type="application")
lb_arn = balancer["LoadBalancers"][0]["LoadBalancerArn"]
elb.create_listener(LoadBalancerArn=lb_arn, Protocol="HTTP", Port=80, DefaultActions=[
    {"Type": "forward", "TargetGroupArn": target_group}])
autoscaling.create_auto_scaling_group(
    AutoScalingGroupName="mlsguide-inference",
    LaunchTemplate={"LaunchTemplateName": "mlsguide-inference", "Version": "$Latest"},
    MinSize=2, MaxSize=8, DesiredCapacity=4,
    VPCZoneIdentifier=",".join(subnets),   # one subnet per AZ: the group balances across them
    TargetGroupARNs=[target_group],
    HealthCheckType="ELB",                 # replace instances the load balancer finds unhealthy
    HealthCheckGracePeriod=300,            # seconds for a new instance to load its model
)
group = autoscaling.describe_auto_scaling_groups(
    AutoScalingGroupNames=["mlsguide-inference"])["AutoScalingGroups"][0]
print(f"{group['AutoScalingGroupName']}: {group['MinSize']}-{group['MaxSize']} instances, "
      f"health checks from {group['HealthCheckType']}, "
      f"load balancer in {len(balancer['LoadBalancers'][0]['AvailabilityZones'])} zones")
# --8<-- [end:fleet]

# --8<-- [start:spread]
# What the group may use is what its subnets allow: check they span more than one zone.
group_subnets = group["VPCZoneIdentifier"].split(",")
group_zones = sorted({s["AvailabilityZone"] for s in
                      ec2.describe_subnets(SubnetIds=group_subnets)["Subnets"]})
print(f"the group launches into {len(group_subnets)} subnets in zones {group_zones}")
assert len(group_zones) >= 2, "a group in one zone fails with that zone"
autoscaling.put_scaling_policy(
    AutoScalingGroupName="mlsguide-inference", PolicyName="mlsguide-requests-per-target",
    PolicyType="TargetTrackingScaling", TargetTrackingConfiguration={
        "PredefinedMetricSpecification": {
            "PredefinedMetricType": "ALBRequestCountPerTarget",
            "ResourceLabel": f"{lb_arn.split(':loadbalancer/')[1]}/"
                             f"{target_group.split(':')[-1]}"},
        "TargetValue": 1200.0})
kinds = [p["PolicyType"] for p in autoscaling.describe_policies(
    AutoScalingGroupName="mlsguide-inference")["ScalingPolicies"]]
print("EC2 Auto Scaling policy:", kinds[0], "on ALBRequestCountPerTarget")
assert kinds == ["TargetTrackingScaling"]
# --8<-- [end:spread]

# --8<-- [start:cleanup]
# Clean-up: delete the group and its instances, the load balancer, the template and the VPC
autoscaling.delete_auto_scaling_group(AutoScalingGroupName="mlsguide-inference",
                                      ForceDelete=True)
elb.delete_load_balancer(LoadBalancerArn=lb_arn)
elb.delete_target_group(TargetGroupArn=target_group)
ec2.delete_launch_template(LaunchTemplateName="mlsguide-inference")
for subnet in subnets:
    ec2.delete_subnet(SubnetId=subnet)
ec2.delete_vpc(VpcId=vpc)
print("groups left:", len(autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"]))
# --8<-- [end:cleanup]

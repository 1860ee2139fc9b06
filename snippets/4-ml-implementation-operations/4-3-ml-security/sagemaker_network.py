"""A training job and an endpoint locked down: private subnets, VPC endpoints, isolation, KMS.

The set-up builds a VPC with two private subnets (no internet gateway, no NAT) and a security
group whose only rule lets the group's members talk to each other, which distributed training
needs. The VPC reaches S3 through a gateway endpoint (a route, with an endpoint policy limited to
the training bucket and linted by parliament) and the SageMaker AI API and runtime through
interface endpoints. The training job runs in those subnets with network isolation,
inter-container traffic encryption and customer managed KMS keys for its volume and output; the
model and endpoint configuration carry the same controls.

Runs against the moto emulator by default, where the job goes straight to Completed; set
MLSGUIDE_LIVE_AWS=1 to run it against your own account (it then starts a real, billed training job
that needs an image, data and a role with more permissions than shown here: run the
network set-up only, or adapt the names).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:setup]
# Set-up: a VPC with two private subnets, a route table, a KMS key and the execution role
import boto3
from mlsguide import aws
from mlsguide.policies import checked

ec2, kms, iam, sm = (boto3.client(n) for n in ("ec2", "kms", "iam", "sagemaker"))
REGION = ec2.meta.region_name
vpc_id = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.20.{i}.0/24",
                             AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
           for i, zone in enumerate("ab")]
route_table = ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
associations = [ec2.associate_route_table(RouteTableId=route_table, SubnetId=subnet)["AssociationId"]
                for subnet in subnets]
KEY = kms.create_key(Description="mlsguide volumes and artifacts")["KeyMetadata"]["Arn"]
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
         "Principal": {"Service": "sagemaker.amazonaws.com"}}]}
ROLE = iam.create_role(RoleName="mlsguide-private-training",
                       AssumeRolePolicyDocument=checked(trust, name="trust", kind="trust"))["Role"]["Arn"]
BUCKET = "mlsguide-churn-data"
# --8<-- [end:setup]

# --8<-- [start:security_group]
sg = ec2.create_security_group(GroupName="mlsguide-training", VpcId=vpc_id,
                               Description="training nodes and endpoint ENIs")["GroupId"]
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{
    "IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": sg}]}])   # members talk to members only
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{
    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
    "IpRanges": [{"CidrIp": "10.20.0.0/16"}]}])   # HTTPS to the interface endpoints from the VPC
rules = ec2.describe_security_groups(GroupIds=[sg])["SecurityGroups"][0]["IpPermissions"]
for rule in rules:
    members = ["this group" for pair in rule["UserIdGroupPairs"] if pair["GroupId"] == sg]
    source = members or [r["CidrIp"] for r in rule["IpRanges"]]
    print(f"inbound protocol {rule['IpProtocol']:>3}, port {rule.get('FromPort', 'any')}: from {source}")
assert any(p["GroupId"] == sg for r in rules for p in r["UserIdGroupPairs"])
assert all(r["CidrIp"] == "10.20.0.0/16" for rule in rules for r in rule["IpRanges"])   # VPC only
# --8<-- [end:security_group]

# --8<-- [start:endpoints]
only_the_training_bucket = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*",
                   "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                   "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/*"]}],
}
gateway = ec2.create_vpc_endpoint(
    VpcId=vpc_id, VpcEndpointType="Gateway", ServiceName=f"com.amazonaws.{REGION}.s3",
    RouteTableIds=[route_table],
    PolicyDocument=checked(only_the_training_bucket, name="s3-endpoint", kind="bucket"),
)["VpcEndpoint"]
interfaces = [ec2.create_vpc_endpoint(
    VpcId=vpc_id, VpcEndpointType="Interface", ServiceName=f"com.amazonaws.{REGION}.{service}",
    SubnetIds=subnets, SecurityGroupIds=[sg], PrivateDnsEnabled=True,
)["VpcEndpoint"] for service in ("sagemaker.api", "sagemaker.runtime")]
for endpoint in [gateway, *interfaces]:
    where = endpoint.get("RouteTableIds") or endpoint.get("SubnetIds")
    print(f"{endpoint['VpcEndpointType']:<9} {endpoint['ServiceName']:<40} in {len(where)} "
          f"{'route table' if endpoint['VpcEndpointType'] == 'Gateway' else 'subnets'}")
assert [e["VpcEndpointType"] for e in (gateway, *interfaces)] == ["Gateway", "Interface", "Interface"]
# --8<-- [end:endpoints]

# --8<-- [start:training_job]
sm.create_training_job(
    TrainingJobName="mlsguide-churn-private",
    RoleArn=ROLE,
    AlgorithmSpecification={"TrainingInputMode": "File", "TrainingImage":
                            f"683313688378.dkr.ecr.{REGION}.amazonaws.com/sagemaker-xgboost:1.7-1"},
    InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {
        "S3DataType": "S3Prefix", "S3Uri": f"s3://{BUCKET}/train/"}}}],
    OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/models/", "KmsKeyId": KEY},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 2, "VolumeSizeInGB": 30,
                    "VolumeKmsKeyId": KEY},
    VpcConfig={"SecurityGroupIds": [sg], "Subnets": subnets},
    EnableNetworkIsolation=True,                  # the container gets no network at all
    EnableInterContainerTrafficEncryption=True,   # node-to-node traffic encrypted
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
job = sm.describe_training_job(TrainingJobName="mlsguide-churn-private")
print("subnets:", len(job["VpcConfig"]["Subnets"]), "| network isolation:",
      job["EnableNetworkIsolation"], "| inter-container encryption:",
      job["EnableInterContainerTrafficEncryption"])
print("volume key set:", job["ResourceConfig"]["VolumeKmsKeyId"] == KEY,
      "| output key set:", job["OutputDataConfig"]["KmsKeyId"] == KEY)
assert job["EnableNetworkIsolation"] and job["EnableInterContainerTrafficEncryption"]
# --8<-- [end:training_job]

# --8<-- [start:endpoint_config]
model_request = dict(
    ModelName="mlsguide-churn-private", ExecutionRoleArn=ROLE,
    PrimaryContainer={"Image": job["AlgorithmSpecification"]["TrainingImage"],
                      "ModelDataUrl": f"s3://{BUCKET}/models/model.tar.gz"},
    VpcConfig={"SecurityGroupIds": [sg], "Subnets": subnets},
    EnableNetworkIsolation=True,
)
sm.create_model(**model_request)
sm.create_endpoint_config(
    EndpointConfigName="mlsguide-churn-private",
    KmsKeyId=KEY,   # encrypts the ML storage volume of every instance behind the endpoint
    ProductionVariants=[{"VariantName": "main", "ModelName": "mlsguide-churn-private",
                         "InstanceType": "ml.m5.large", "InitialInstanceCount": 2}],
)
model = sm.describe_model(ModelName="mlsguide-churn-private")
config = sm.describe_endpoint_config(EndpointConfigName="mlsguide-churn-private")
print("model subnets:", len(model["VpcConfig"]["Subnets"]),
      "| isolation sent:", model_request["EnableNetworkIsolation"],
      "| isolation the emulator returns:", model.get("EnableNetworkIsolation"))
print("endpoint volume key set:", config["KmsKeyId"] == KEY)
assert len(model["VpcConfig"]["Subnets"]) == 2 and config["KmsKeyId"] == KEY
assert aws.live() or model.get("EnableNetworkIsolation") is False   # moto drops the flag
# --8<-- [end:endpoint_config]

# --8<-- [start:cleanup]
# Clean-up: model, endpoint configuration, VPC endpoints, network, role and key (a finished
# training job is kept in the account's history; it cannot be deleted)
sm.delete_endpoint_config(EndpointConfigName="mlsguide-churn-private")
sm.delete_model(ModelName="mlsguide-churn-private")
ec2.delete_vpc_endpoints(VpcEndpointIds=[e["VpcEndpointId"] for e in (gateway, *interfaces)])
ec2.delete_security_group(GroupId=sg)
for association in associations:
    ec2.disassociate_route_table(AssociationId=association)
for subnet in subnets:
    ec2.delete_subnet(SubnetId=subnet)
ec2.delete_route_table(RouteTableId=route_table)
ec2.delete_vpc(VpcId=vpc_id)
iam.delete_role(RoleName="mlsguide-private-training")
kms.schedule_key_deletion(KeyId=KEY.rsplit("/", 1)[-1], PendingWindowInDays=7)
print("VPCs left with our CIDR:", len(ec2.describe_vpcs(
    Filters=[{"Name": "cidr", "Values": ["10.20.0.0/16"]}])["Vpcs"]))
# --8<-- [end:cleanup]
